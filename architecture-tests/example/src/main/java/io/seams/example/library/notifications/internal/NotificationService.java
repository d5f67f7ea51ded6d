package io.seams.example.library.notifications.internal;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Sends mail (for now: logs it) and keeps a log of what was sent. Its name is a known violation of
 * the fitness rule use-case-names, recorded in src/test/resources/fitness-frozen.
 */
@Service
class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final JdbcClient jdbc;

    NotificationService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void send(String recipient, String subject, String body) {
        log.info("Mail to {}: {}", recipient, subject);
        jdbc.sql("""
                        INSERT INTO notification (recipient, subject, body, sent_at)
                        VALUES (:recipient, :subject, :body, :sentAt)""")
                .param("recipient", recipient)
                .param("subject", subject)
                .param("body", body)
                .param("sentAt", Instant.now().atOffset(java.time.ZoneOffset.UTC))
                .update();
    }
}
