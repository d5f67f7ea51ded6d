package io.seams.shop.inventory.domain;

import io.seams.shop.orders.OrderId;
import java.util.Optional;
import org.jmolecules.ddd.types.Repository;

/** Every order's decided reservation. Saving one publishes the events it raised. */
public interface StockReservations extends Repository<StockReservation, OrderId> {

    /**
     * Locks the order's reservation, decided or not, until the current transaction ends: reserving,
     * releasing and shipping for one order take turns.
     */
    void lockOrder(OrderId orderId);

    boolean existsFor(OrderId orderId);

    /** The order's reservation, locked until the current transaction ends. */
    Optional<StockReservation> lockFor(OrderId orderId);

    void add(StockReservation reservation);

    /** Stores the reservation's new status. */
    void update(StockReservation reservation);
}
