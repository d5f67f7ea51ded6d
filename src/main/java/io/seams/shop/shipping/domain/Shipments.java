package io.seams.shop.shipping.domain;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.orders.OrderId;
import io.seams.shop.platform.kernel.Aggregates;
import io.seams.shop.shipping.ShipmentId;
import java.util.Optional;

/** Every order's shipment. Saving publishes the events the shipment raised. */
public interface Shipments extends Aggregates<Shipment, ShipmentId> {

    Optional<Shipment> findByOrder(OrderId order);

    /** Stores a new shipment; false if the order has one already. */
    boolean add(Shipment shipment);

    /** Replaces the customer's addresses on every shipment with an anonymised one. */
    int eraseAddresses(CustomerId customer);
}
