package io.seams.shop.payments.domain;

/** Where an order's payment stands. */
public enum PaymentStatus {
    /** Asked for; the gateway has not answered yet. */
    PENDING,
    /** The gateway authorised the amount. */
    AUTHORIZED,
    /** The gateway declined it; nothing was charged. */
    DECLINED,
    /** Authorised, then given back because the order was cancelled. */
    REFUNDED,
    /** The order was cancelled before any payment was asked for: none ever will be. */
    VOIDED
}
