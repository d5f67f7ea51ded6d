package io.seams.shop.notifications.mail;

import io.seams.shop.notifications.domain.Mailbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

@Component
class SmtpMailbox implements Mailbox {

    private final JavaMailSender mail;
    private final String from;

    SmtpMailbox(JavaMailSender mail, @Value("${seams.notifications.from:shop@seams.example}") String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public void send(String to, String subject, String text) {
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        mail.send(message);
    }
}
