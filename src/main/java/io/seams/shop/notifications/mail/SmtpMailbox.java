package io.seams.shop.notifications.mail;

import io.seams.shop.notifications.domain.Mailbox;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

@Component
class SmtpMailbox implements Mailbox {

    private final JavaMailSender mail;
    private final String from;

    SmtpMailbox(JavaMailSender mail, @Value("${seams.notifications.from:shop@seams.example}") String from) {
        this.mail = mail;
        this.from = from;
    }

    /**
     * Sends over SMTP with a Message-ID made from the mail's key: the one part of a notification
     * that cannot be undone is the send, and a mail sent again after a crash (SMTP accepted it, the
     * claim's commit did not happen) carries the same Message-ID, which mail systems deduplicate.
     */
    @Override
    public void send(String key, String to, String subject, String text) {
        var messageId = "<" + key + "@" + from.substring(from.indexOf('@') + 1) + ">";
        var message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        try {
            var mime = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            mime.setFrom(from);
            mime.setTo(to);
            mime.setSubject(subject);
            mime.setText(text);
        } catch (MessagingException e) {
            throw new MailPreparationException("Cannot write the mail " + key, e);
        }
        mail.send(message);
    }
}
