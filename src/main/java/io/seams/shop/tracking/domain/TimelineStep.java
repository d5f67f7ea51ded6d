package io.seams.shop.tracking.domain;

/**
 * The steps an order's timeline can show, each with the module that reports it: the one place
 * that names them. Their names are what the API shows and what is stored.
 */
public enum TimelineStep {
    PLACED("orders"),
    STOCK_RESERVED("inventory"),
    STOCK_REJECTED("inventory"),
    REJECTED("orders"),
    PAYMENT_AUTHORIZED("payments"),
    PAYMENT_DECLINED("payments"),
    CONFIRMED("orders"),
    SHIPMENT_CREATED("shipping"),
    DISPATCHED("shipping"),
    DELIVERED("shipping"),
    CANCELLATION_REQUESTED("orders"),
    SHIPMENT_CANCELLED("shipping"),
    CANCELLED("orders"),
    STOCK_RELEASED("inventory"),
    PAYMENT_REFUNDED("payments");

    private final String module;

    TimelineStep(String module) {
        this.module = module;
    }

    /** The module whose event this step records. */
    public String module() {
        return module;
    }
}
