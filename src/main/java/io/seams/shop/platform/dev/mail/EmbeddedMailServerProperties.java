package io.seams.shop.platform.dev.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The real SMTP server (GreenMail) that receives Seams' mail when no mail server is configured.
 *
 * @param enabled whether to start it; the {@code prod} profile turns it off and uses {@code spring.mail.*}; unset,
 *     it runs where notifications is hosted (the monolith)
 * @param port its SMTP port on 127.0.0.1; 0 picks a free one
 */
@ConfigurationProperties("seams.mail.embedded")
record EmbeddedMailServerProperties(
        Boolean enabled, @DefaultValue("3025") int port) {}
