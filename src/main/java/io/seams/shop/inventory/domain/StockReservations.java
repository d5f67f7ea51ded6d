package io.seams.shop.inventory.domain;

import io.seams.shop.orders.OrderId;
import org.jmolecules.ddd.types.Repository;

/** Every order's decided reservation. Adding one publishes the events it raised. */
public interface StockReservations extends Repository<StockReservation, OrderId> {

    boolean existsFor(OrderId orderId);

    void add(StockReservation reservation);
}
