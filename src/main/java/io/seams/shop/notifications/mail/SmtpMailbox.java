package io.seams.shop.notifications.mail;

import io.seams.shop.notifications.domain.Mailbox;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

@Component
class SmtpMailbox implements Mailbox {

    private static final String UTF_8 = "UTF-8";

    /**
     * One session for writing every message (sending uses the sender's own). Creating one per mail
     * looked up the mail providers on the class path each time: the benchmark's profile found it
     * the costliest part of a notification (docs/benchmarks/README.md).
     */
    private final Session session = Session.getInstance(new Properties());

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
        var message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        // Written directly rather than with Spring's MimeMessageHelper, which loads a MIME type map
        // (for attachments, which these mails never have) for every message.
        try {
            message.setFrom(address(from));
            message.setRecipient(Message.RecipientType.TO, address(to));
            message.setSubject(subject, UTF_8);
            message.setText(text, UTF_8);
        } catch (MessagingException e) {
            throw new MailPreparationException("Cannot write the mail " + key, e);
        }
        mail.send(message);
    }

    private static InternetAddress address(String text) throws AddressException {
        var parsed = InternetAddress.parse(text);
        if (parsed.length != 1) {
            throw new AddressException("Not one address", text);
        }
        return parsed[0];
    }
}
