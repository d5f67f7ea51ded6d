package io.seams.shop.orders.domain;

import io.seams.shop.orders.OrderId;
import java.util.Optional;
import org.jmolecules.ddd.types.Repository;

/**
 * All orders. Saving an order publishes the events it raised, in the caller's transaction, so
 * the change and its events commit together.
 */
public interface OrderRepository extends Repository<Order, OrderId> {

    Optional<Order> findById(OrderId id);

    /** Stores a newly placed order. */
    void add(Order order);

    /**
     * Stores a changed order.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException if the order was changed
     *     since it was loaded
     */
    void update(Order order);
}
