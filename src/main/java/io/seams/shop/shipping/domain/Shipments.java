package io.seams.shop.shipping.domain;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.orders.OrderId;
import io.seams.shop.shipping.ShipmentId;
import java.util.Optional;
import org.jmolecules.ddd.types.Repository;

/** Every order's shipment. Saving publishes the events the shipment raised. */
public interface Shipments extends Repository<Shipment, ShipmentId> {

    Optional<Shipment> findById(ShipmentId id);

    /**
     * Loads the shipment to change it, holding its row lock until the transaction ends: concurrent
     * commands on one shipment take turns, and each sees what the one before it did.
     */
    Optional<Shipment> lockById(ShipmentId id);

    Optional<Shipment> findByOrder(OrderId order);

    /** Stores a new shipment; false if the order has one already. */
    boolean add(Shipment shipment);

    void update(Shipment shipment);

    /** Replaces the customer's addresses on every shipment with an anonymised one. */
    int eraseAddresses(CustomerId customer);
}
