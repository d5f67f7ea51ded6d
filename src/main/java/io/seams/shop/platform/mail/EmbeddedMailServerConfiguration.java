package io.seams.shop.platform.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Runs a real SMTP server in the process, so that the mail Seams sends in the default profile and
 * in tests is really sent over SMTP and can be read back. With
 * {@code seams.mail.embedded.enabled=false} (the {@code prod} profile) Spring Boot's mail sender
 * uses {@code spring.mail.host} instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "seams.mail.embedded.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedMailServerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServerConfiguration.class);

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail embeddedMailServer(EmbeddedMailServerProperties properties) {
        var setup = new ServerSetup(properties.port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        return new GreenMail(properties.port() == 0 ? setup.dynamicPort() : setup);
    }

    @Bean
    JavaMailSenderImpl mailSender(GreenMail embeddedMailServer) {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(embeddedMailServer.getSmtp().getPort());
        log.info("Mail: embedded SMTP server on 127.0.0.1:{}", sender.getPort());
        return sender;
    }
}
