package io.seams.shop.orders.domain;

/** Where an order stands in its lifecycle. */
public enum OrderStatus {
    /** Accepted at current prices; waiting for inventory to reserve its stock. */
    PLACED,
    /** Every line's stock is reserved; waiting for the payment. */
    RESERVED,
    /** Reserved and paid; waiting to be shipped. */
    CONFIRMED,
    /** Handed to a carrier. */
    SHIPPED,
    /** Delivered to the customer. */
    DELIVERED,
    /** Inventory could not reserve every line; nothing is reserved or charged. */
    REJECTED,
    /** The customer asked to cancel the confirmed order; shipping decides whether it is too late. */
    CANCELLATION_REQUESTED,
    /** Cancelled before dispatch, by the customer, a declined payment or a timeout; compensated. */
    CANCELLED
}
