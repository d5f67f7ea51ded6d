package io.seams.shop.shipping.persistence;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.customers.ShippingAddress;
import io.seams.shop.orders.OrderId;
import io.seams.shop.platform.adapters.database.ErasedCustomers;
import io.seams.shop.platform.adapters.database.JdbcAggregates;
import io.seams.shop.platform.adapters.database.TransactionLocks;
import io.seams.shop.platform.kernel.AggregateEvents;
import io.seams.shop.shipping.ShipmentId;
import io.seams.shop.shipping.domain.Shipment;
import io.seams.shop.shipping.domain.ShipmentStatus;
import io.seams.shop.shipping.domain.Shipments;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcShipments extends JdbcAggregates<Shipment, ShipmentId> implements Shipments {

    private static final String SELECT = """
            SELECT id, order_id, customer_id, recipient, street, postal_code, city, country, status, carrier,
                   tracking_number, version
            FROM shipping.shipment""";

    private final JdbcClient jdbc;
    private final ErasedCustomers erased;
    private final AggregateEvents events;

    JdbcShipments(JdbcClient jdbc, TransactionLocks locks, AggregateEvents events) {
        this.jdbc = jdbc;
        this.erased = new ErasedCustomers("shipping", jdbc, locks);
        this.events = events;
    }

    @Override
    protected Optional<Shipment> select(ShipmentId id, String lock) {
        return one("id = ?" + lock, id.id());
    }

    @Override
    public Optional<Shipment> findByOrder(OrderId order) {
        return one("order_id = ?", order.id());
    }

    /** The one shipment that the condition, on a unique column, selects. */
    private Optional<Shipment> one(String condition, UUID value) {
        return jdbc.sql(SELECT + " WHERE " + condition)
                .param(value)
                .query(JdbcShipments::shipment)
                .optional();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean add(Shipment shipment) {
        // Serialises with an erasure of the same customer: a shipment prepared after it keeps no address.
        var to = shipment.shipToKept(erased.lockAndCheck(shipment.customerId().id()));
        var added = jdbc.sql("""
                                INSERT INTO shipping.shipment
                                    (id, order_id, customer_id, recipient, street, postal_code, city, country, status,
                                     version, created_at)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, now())
                                ON CONFLICT (order_id) DO NOTHING""")
                        .params(
                                shipment.getId().id(),
                                shipment.orderId().id(),
                                shipment.customerId().id(),
                                to == null ? null : to.recipient(),
                                to == null ? null : to.street(),
                                to == null ? null : to.postalCode(),
                                to == null ? null : to.city(),
                                to == null ? null : to.country(),
                                shipment.status().name())
                        .update()
                == 1;
        if (added) {
            events.saved(shipment);
        }
        return added;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void update(Shipment shipment) {
        int updated = jdbc.sql("""
                        UPDATE shipping.shipment SET status = ?, carrier = ?, tracking_number = ?, version = version + 1
                        WHERE id = ? AND version = ?""")
                .params(
                        shipment.status().name(),
                        shipment.carrier(),
                        shipment.trackingNumber(),
                        shipment.getId().id(),
                        shipment.version())
                .update();
        events.updated(shipment, updated);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int eraseAddresses(CustomerId customer) {
        var tombstone = ShippingAddress.ERASED;
        return erased.erase(
                customer.id(),
                """
                        UPDATE shipping.shipment
                        SET recipient = ?, street = ?, postal_code = ?, city = ?, country = ? WHERE customer_id = ?""",
                tombstone.recipient(),
                tombstone.street(),
                tombstone.postalCode(),
                tombstone.city(),
                tombstone.country());
    }

    private static Shipment shipment(ResultSet row, int number) throws SQLException {
        return Shipment.restore(new Shipment.Snapshot(
                new ShipmentId(row.getObject("id", UUID.class)),
                new OrderId(row.getObject("order_id", UUID.class)),
                new CustomerId(row.getObject("customer_id", UUID.class)),
                row.getString("street") == null
                        ? null
                        : new ShippingAddress(
                                row.getString("recipient"),
                                row.getString("street"),
                                row.getString("postal_code"),
                                row.getString("city"),
                                row.getString("country")),
                ShipmentStatus.valueOf(row.getString("status")),
                row.getString("carrier"),
                row.getString("tracking_number"),
                row.getLong("version")));
    }
}
