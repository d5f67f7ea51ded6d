package io.seams.shop.notifications.mail;

import io.seams.shop.notifications.domain.Mailbox;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

@Component
class SmtpMailbox implements Mailbox, DisposableBean {

    /** At most as many open SMTP connections kept as listener threads send at once (Boot's default pool: 8). */
    private static final int KEPT_CONNECTIONS = 8;

    private static final String UTF_8 = "UTF-8";

    /**
     * One session for writing every message (sending uses the sender's own). Creating one per mail
     * looked up the mail providers on the class path each time: the benchmark's profile found it
     * the costliest part of a notification (docs/benchmarks/README.md).
     */
    private final Session session = Session.getInstance(new Properties());

    private final JavaMailSender mail;
    private final String from;
    private final Clock clock;

    /**
     * SMTP connections kept open between mails. {@link JavaMailSender#send} connects, greets the
     * server and quits for every mail: for one mail per order, that conversation cost more than the
     * mail itself. Each connection is used by one thread at a time.
     */
    private final BlockingQueue<Transport> connections = new ArrayBlockingQueue<>(KEPT_CONNECTIONS);

    SmtpMailbox(
            JavaMailSender mail, @Value("${seams.notifications.from:shop@seams.example}") String from, Clock clock) {
        this.mail = mail;
        this.from = from;
        this.clock = clock;
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
        if (mail instanceof JavaMailSenderImpl sender) {
            sendKeepingTheConnection(sender, key, message);
        } else {
            mail.send(message);
        }
    }

    /**
     * Sends on a kept connection, or a new one. A kept connection the server has closed meanwhile
     * fails: the mail is sent once more on a new connection. Should the first attempt have reached
     * the server after all, the customer's mail system sees the same Message-ID twice, as after a
     * crash (the same guarantee as before: at least once, deduplicated by Message-ID).
     */
    private void sendKeepingTheConnection(JavaMailSenderImpl sender, String key, MimeMessage message) {
        try {
            message.setSentDate(Date.from(clock.instant()));
            message.saveChanges();
        } catch (MessagingException e) {
            throw new MailPreparationException("Cannot write the mail " + key, e);
        }
        var kept = connections.poll();
        if (kept != null) {
            try {
                kept.sendMessage(message, message.getAllRecipients());
                keep(kept);
                return;
            } catch (MessagingException | IllegalStateException stale) {
                close(kept);
            }
        }
        Transport fresh = null;
        try {
            fresh = sender.getSession().getTransport(protocolOf(sender));
            fresh.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
            fresh.sendMessage(message, message.getAllRecipients());
            keep(fresh);
        } catch (MessagingException e) {
            if (fresh != null) {
                close(fresh);
            }
            throw new MailSendException("Cannot send the mail " + key, e);
        }
    }

    /** As the sender chooses it: its own setting, the session's, or SMTP. */
    private static String protocolOf(JavaMailSenderImpl sender) {
        if (sender.getProtocol() != null) {
            return sender.getProtocol();
        }
        var configured = sender.getSession().getProperty("mail.transport.protocol");
        return configured != null ? configured : "smtp";
    }

    private void keep(Transport connection) {
        if (!connections.offer(connection)) {
            close(connection);
        }
    }

    private static void close(Transport connection) {
        try {
            connection.close();
        } catch (MessagingException alreadyGone) {
            // Nothing left to close.
        }
    }

    @Override
    public void destroy() {
        Transport connection;
        while ((connection = connections.poll()) != null) {
            close(connection);
        }
    }

    private static InternetAddress address(String text) throws AddressException {
        var parsed = InternetAddress.parse(text);
        if (parsed.length != 1) {
            throw new AddressException("Not one address", text);
        }
        return parsed[0];
    }
}
