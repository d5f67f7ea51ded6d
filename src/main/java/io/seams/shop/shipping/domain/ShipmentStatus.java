package io.seams.shop.shipping.domain;

/** Where a shipment stands. */
public enum ShipmentStatus {
    /** Prepared, waiting for staff to hand it to a carrier. */
    CREATED,
    /** With the carrier. */
    DISPATCHED,
    /** At the customer's. */
    DELIVERED,
    /** Its order was cancelled before dispatch. */
    CANCELLED
}
