package io.seams.shop.orders.persistence;

import io.seams.shop.catalog.Sku;
import io.seams.shop.customers.CustomerId;
import io.seams.shop.customers.ShippingAddress;
import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.domain.Order;
import io.seams.shop.orders.domain.OrderLine;
import io.seams.shop.orders.domain.OrderStatus;
import io.seams.shop.orders.domain.Orders;
import io.seams.shop.platform.adapters.database.ErasedCustomers;
import io.seams.shop.platform.adapters.database.JdbcAggregates;
import io.seams.shop.platform.adapters.database.TransactionLocks;
import io.seams.shop.platform.kernel.AggregateEvents;
import io.seams.shop.platform.kernel.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcOrders extends JdbcAggregates<Order, OrderId> implements Orders {

    private final JdbcClient jdbc;
    private final ErasedCustomers erased;
    private final AggregateEvents events;

    JdbcOrders(JdbcClient jdbc, TransactionLocks locks, AggregateEvents events) {
        this.jdbc = jdbc;
        this.erased = new ErasedCustomers("orders", jdbc, locks);
        this.events = events;
    }

    /** The order, its row locked if asked; its lines never change once placed, so they need no lock. */
    @Override
    protected Optional<Order> select(OrderId id, String lock) {
        var lines = jdbc.sql("""
                        SELECT sku, product_name, quantity, unit_price_amount, unit_price_currency
                        FROM orders.order_line WHERE order_id = ? ORDER BY line_number""").param(id.id()).query(JdbcOrders::line).list();
        return jdbc.sql("""
                        SELECT id, customer_id, payment_token, status, reason, placed_at, version,
                               ship_to_recipient, ship_to_street, ship_to_postal_code, ship_to_city, ship_to_country
                        FROM orders.purchase_order WHERE id = ?""" + lock)
                .param(id.id())
                .query((row, number) -> Order.restore(new Order.Snapshot(
                        new OrderId(row.getObject("id", UUID.class)),
                        new CustomerId(row.getObject("customer_id", UUID.class)),
                        lines,
                        row.getString("payment_token"),
                        shipTo(row),
                        row.getTimestamp("placed_at").toInstant(),
                        OrderStatus.valueOf(row.getString("status")),
                        row.getString("reason"),
                        row.getLong("version"))))
                .optional();
    }

    @Override
    public List<OrderId> findAwaitingConfirmationPlacedBefore(Instant instant) {
        return jdbc.sql("""
                        SELECT id FROM orders.purchase_order
                        WHERE status IN ('PLACED', 'RESERVED') AND placed_at < ? ORDER BY placed_at""")
                .param(Timestamp.from(instant))
                .query((row, number) -> new OrderId(row.getObject("id", UUID.class)))
                .list();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(Order order) {
        // Serialises with an erasure of the same customer: a copy written after it is anonymised.
        var shipTo = order.shipToKept(erased.lockAndCheck(order.customerId().id()));
        jdbc.sql("""
                        INSERT INTO orders.purchase_order
                            (id, customer_id, payment_token, status, reason, total_amount, total_currency, placed_at,
                             ship_to_recipient, ship_to_street, ship_to_postal_code, ship_to_city, ship_to_country,
                             version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(
                        order.getId().id(),
                        order.customerId().id(),
                        order.paymentToken(),
                        order.status().name(),
                        order.reason(),
                        order.total().amount(),
                        order.total().currency().getCurrencyCode(),
                        Timestamp.from(order.placedAt()),
                        shipTo.recipient(),
                        shipTo.street(),
                        shipTo.postalCode(),
                        shipTo.city(),
                        shipTo.country())
                .update();
        var number = 0;
        for (var line : order.lines()) {
            jdbc.sql("""
                            INSERT INTO orders.order_line
                                (order_id, line_number, sku, product_name, quantity, unit_price_amount, unit_price_currency)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            order.getId().id(),
                            ++number,
                            line.sku().value(),
                            line.productName(),
                            line.quantity(),
                            line.unitPrice().amount(),
                            line.unitPrice().currency().getCurrencyCode())
                    .update();
        }
        events.saved(order);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void update(Order order) {
        int updated = jdbc.sql("""
                        UPDATE orders.purchase_order
                        SET status = ?, reason = ?, version = version + 1
                        WHERE id = ? AND version = ?""")
                .params(order.status().name(), order.reason(), order.getId().id(), order.version())
                .update();
        events.updated(order, updated);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int eraseShippingAddresses(CustomerId customer) {
        var tombstone = ShippingAddress.ERASED;
        return erased.erase(
                customer.id(),
                """
                        UPDATE orders.purchase_order
                        SET ship_to_recipient = ?, ship_to_street = ?, ship_to_postal_code = ?, ship_to_city = ?,
                            ship_to_country = ?
                        WHERE customer_id = ?""",
                tombstone.recipient(),
                tombstone.street(),
                tombstone.postalCode(),
                tombstone.city(),
                tombstone.country());
    }

    /** Every order has its address: V2 gave one to the orders placed before orders kept it. */
    private static ShippingAddress shipTo(ResultSet row) throws SQLException {
        return new ShippingAddress(
                row.getString("ship_to_recipient"),
                row.getString("ship_to_street"),
                row.getString("ship_to_postal_code"),
                row.getString("ship_to_city"),
                row.getString("ship_to_country"));
    }

    private static OrderLine line(ResultSet row, int number) throws SQLException {
        return new OrderLine(
                new Sku(row.getString("sku")),
                row.getString("product_name"),
                row.getInt("quantity"),
                new Money(
                        row.getBigDecimal("unit_price_amount"),
                        Currency.getInstance(row.getString("unit_price_currency"))));
    }
}
