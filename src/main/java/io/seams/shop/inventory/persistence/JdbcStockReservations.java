package io.seams.shop.inventory.persistence;

import io.seams.shop.inventory.domain.StockReservation;
import io.seams.shop.inventory.domain.StockReservations;
import io.seams.shop.orders.OrderId;
import java.sql.Timestamp;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcStockReservations implements StockReservations {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    JdbcStockReservations(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public boolean existsFor(OrderId orderId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM inventory.reservation WHERE order_id = ?)")
                .param(orderId.id())
                .query(Boolean.class)
                .single();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(StockReservation reservation) {
        jdbc.sql("INSERT INTO inventory.reservation (order_id, status, reason, decided_at) VALUES (?, ?, ?, ?)")
                .params(
                        reservation.getId().id(),
                        reservation.status().name(),
                        reservation.reason(),
                        Timestamp.from(reservation.decidedAt()))
                .update();
        for (var line : reservation.lines()) {
            jdbc.sql("INSERT INTO inventory.reservation_line (order_id, sku, quantity) VALUES (?, ?, ?)")
                    .params(reservation.getId().id(), line.sku().value(), line.quantity())
                    .update();
        }
        reservation.events().drain().forEach(events::publishEvent);
    }
}
