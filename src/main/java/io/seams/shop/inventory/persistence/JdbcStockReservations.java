package io.seams.shop.inventory.persistence;

import io.seams.shop.catalog.Sku;
import io.seams.shop.inventory.domain.ReservationLine;
import io.seams.shop.inventory.domain.ReservationStatus;
import io.seams.shop.inventory.domain.StockReservation;
import io.seams.shop.inventory.domain.StockReservations;
import io.seams.shop.orders.OrderId;
import io.seams.shop.platform.adapters.database.TransactionLocks;
import io.seams.shop.platform.kernel.AggregateEvents;
import java.sql.Timestamp;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
@RequiredArgsConstructor
class JdbcStockReservations implements StockReservations {

    private final JdbcClient jdbc;
    private final TransactionLocks locks;
    private final AggregateEvents events;

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockOrder(OrderId orderId) {
        locks.lock("inventory.order:" + orderId.toString());
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
    public Optional<StockReservation> lockFor(OrderId orderId) {
        var lines = jdbc.sql("SELECT sku, quantity FROM inventory.reservation_line WHERE order_id = ? ORDER BY sku")
                .param(orderId.id())
                .query((row, number) -> new ReservationLine(new Sku(row.getString("sku")), row.getInt("quantity")))
                .list();
        return jdbc.sql("SELECT status, reason, decided_at FROM inventory.reservation WHERE order_id = ? FOR UPDATE")
                .param(orderId.id())
                .query((row, number) -> StockReservation.restore(
                        orderId,
                        lines,
                        ReservationStatus.valueOf(row.getString("status")),
                        row.getString("reason"),
                        row.getTimestamp("decided_at").toInstant()))
                .optional();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void update(StockReservation reservation) {
        int updated = jdbc.sql("UPDATE inventory.reservation SET status = ? WHERE order_id = ?")
                .params(reservation.status().name(), reservation.getId().id())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("No reservation for order " + reservation.getId());
        }
        events.saved(reservation);
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
        events.saved(reservation);
    }
}
