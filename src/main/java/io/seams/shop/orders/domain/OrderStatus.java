package io.seams.shop.orders.domain;

/** Where an order stands in its lifecycle. */
public enum OrderStatus {
    /** Accepted at current prices; waiting for inventory to reserve its stock. */
    PLACED,
    /** Every line's stock is reserved for this order. */
    RESERVED,
    /** Inventory could not reserve every line; nothing is reserved. */
    REJECTED
}
