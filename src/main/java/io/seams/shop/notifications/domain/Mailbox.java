package io.seams.shop.notifications.domain;

/** The port mail goes out through. */
public interface Mailbox {

    void send(String to, String subject, String text);
}
