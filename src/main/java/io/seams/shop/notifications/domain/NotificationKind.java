package io.seams.shop.notifications.domain;

/** What a customer is told about their order, and how it reads. */
public enum NotificationKind {
    ORDER_CONFIRMED("Your order is confirmed", "We have your order %s and your payment. We will ship it soon."),
    ORDER_REJECTED("We could not take your order", "We are sorry: order %s could not be reserved (%s)."),
    ORDER_CANCELLED("Your order is cancelled", "Order %s is cancelled (%s). Anything charged is refunded."),
    ORDER_SHIPPED("Your order is on its way", "Order %s is with %s, tracking number %s."),
    ORDER_DELIVERED("Your order was delivered", "Order %s was delivered. Enjoy!");

    private final String subject;
    private final String body;

    NotificationKind(String subject, String body) {
        this.subject = subject;
        this.body = body;
    }

    public String subject() {
        return subject;
    }

    /** The mail's text, with the order and what happened to it filled in. */
    public String body(Object... facts) {
        return body.formatted(facts);
    }
}
