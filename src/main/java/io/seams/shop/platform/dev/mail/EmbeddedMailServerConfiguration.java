package io.seams.shop.platform.dev.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.seams.shop.platform.distribution.topology.NeededByHostedModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Runs a real SMTP server in the process, so that the mail Seams sends in the default profile and
 * in tests is really sent over SMTP and can be read back. With
 * {@code seams.mail.embedded.enabled=false} (the {@code prod} profile) Spring Boot's mail sender
 * uses {@code spring.mail.host} instead. Unset, it runs where notifications (the module that sends
 * mail) is hosted: in the monolith, not in a process hosting only payments.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMailServerConfiguration.NeededHere.class)
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

    static class NeededHere extends NeededByHostedModule {

        NeededHere() {
            super("seams.mail.embedded.enabled", "notifications");
        }
    }
}
