package io.seams.shop.orders.domain;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.orders.OrderId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jmolecules.ddd.types.Repository;

/**
 * All orders. Saving an order publishes the events it raised, in the caller's transaction, so
 * the change and its events commit together.
 */
public interface Orders extends Repository<Order, OrderId> {

    Optional<Order> findById(OrderId id);

    /**
     * Loads the order to change it, holding its row lock until the transaction ends: concurrent
     * commands on one order take turns, and each sees what the one before it did.
     */
    Optional<Order> lockById(OrderId id);

    /** Orders still waiting for stock or payment that were placed before the given instant. */
    List<OrderId> findAwaitingConfirmationPlacedBefore(Instant instant);

    /** Stores a newly placed order. */
    void add(Order order);

    /**
     * Stores a changed order.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException if the order was changed
     *     since it was loaded
     */
    void update(Order order);

    /** Replaces the shipping address of every order of the customer with an anonymised one. */
    int eraseShippingAddresses(CustomerId customer);
}
