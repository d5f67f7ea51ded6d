package io.seams.shop.orders.domain;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.orders.OrderId;
import io.seams.shop.platform.kernel.Aggregates;
import java.time.Instant;
import java.util.List;

/**
 * All orders. Saving an order publishes the events it raised, in the caller's transaction, so
 * the change and its events commit together.
 */
public interface Orders extends Aggregates<Order, OrderId> {

    /** Orders still waiting for stock or payment that were placed before the given instant. */
    List<OrderId> findAwaitingConfirmationPlacedBefore(Instant instant);

    /** Stores a newly placed order. */
    void add(Order order);

    /** Replaces the shipping address of every order of the customer with an anonymised one. */
    int eraseShippingAddresses(CustomerId customer);
}
