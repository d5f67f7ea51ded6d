package io.seams.shop.inventory.domain;

/** What became of an order's request for stock. */
public enum ReservationStatus {
    /** Every line is reserved. */
    RESERVED,
    /** At least one line fell short; nothing is reserved. */
    REJECTED,
    /** Was reserved; the units left the warehouse with the order's shipment. */
    SHIPPED,
    /** Was reserved; the order was cancelled and the stock given back. */
    RELEASED,
    /** The order was cancelled before its stock was decided: it never will be. */
    WITHDRAWN
}
