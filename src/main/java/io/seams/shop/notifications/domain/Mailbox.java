package io.seams.shop.notifications.domain;

/** The port mail goes out through. */
public interface Mailbox {

    /**
     * Sends a mail.
     *
     * @param key what this mail is, the same whenever it is sent again (order and kind): it becomes
     *     the mail's Message-ID, so a mail sent twice after a crash reaches the customer once
     * @param to the address
     * @param subject the subject
     * @param text the body
     */
    void send(String key, String to, String subject, String text);
}
