package io.seams.shop.orders.persistence;

import io.seams.shop.catalog.Sku;
import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.domain.Order;
import io.seams.shop.orders.domain.OrderLine;
import io.seams.shop.orders.domain.OrderRepository;
import io.seams.shop.orders.domain.OrderStatus;
import io.seams.shop.platform.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcOrderRepository implements OrderRepository {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    JdbcOrderRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public Optional<Order> findById(OrderId id) {
        var lines =
                jdbc.sql("""
                        SELECT sku, product_name, quantity, unit_price_amount, unit_price_currency
                        FROM orders.order_line WHERE order_id = ? ORDER BY line_number""").param(id.id()).query(JdbcOrderRepository::line).list();
        return jdbc.sql("""
                        SELECT id, status, rejection_reason, placed_at, version
                        FROM orders.purchase_order WHERE id = ?""")
                .param(id.id())
                .query((row, number) -> Order.restore(
                        new OrderId(row.getObject("id", UUID.class)),
                        lines,
                        row.getTimestamp("placed_at").toInstant(),
                        OrderStatus.valueOf(row.getString("status")),
                        row.getString("rejection_reason"),
                        row.getLong("version")))
                .optional();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(Order order) {
        jdbc.sql("""
                        INSERT INTO orders.purchase_order
                            (id, status, rejection_reason, total_amount, total_currency, placed_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, 0)""")
                .params(
                        order.getId().id(),
                        order.status().name(),
                        order.rejectionReason(),
                        order.total().amount(),
                        order.total().currency().getCurrencyCode(),
                        Timestamp.from(order.placedAt()))
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
        publishEventsOf(order);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void update(Order order) {
        int updated = jdbc.sql("""
                        UPDATE orders.purchase_order
                        SET status = ?, rejection_reason = ?, version = version + 1
                        WHERE id = ? AND version = ?""")
                .params(
                        order.status().name(),
                        order.rejectionReason(),
                        order.getId().id(),
                        order.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException(
                    "Order %s was changed since version %d".formatted(order.getId(), order.version()));
        }
        publishEventsOf(order);
    }

    private void publishEventsOf(Order order) {
        order.events().drain().forEach(events::publishEvent);
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
