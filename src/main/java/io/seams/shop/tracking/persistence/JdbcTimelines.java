package io.seams.shop.tracking.persistence;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.orders.OrderId;
import io.seams.shop.tracking.domain.TimelineEntry;
import io.seams.shop.tracking.domain.TimelineStep;
import io.seams.shop.tracking.domain.Timelines;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
@RequiredArgsConstructor
class JdbcTimelines implements Timelines {

    private final JdbcClient jdbc;

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean record(TimelineEntry entry) {
        return jdbc.sql("""
                        INSERT INTO tracking.timeline_entry (order_id, step, module, occurred_at, detail)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (order_id, step) DO NOTHING""")
                        .params(
                                entry.orderId().id(),
                                entry.step().name(),
                                entry.module(),
                                Timestamp.from(entry.occurredAt()),
                                entry.detail())
                        .update()
                == 1;
    }

    @Override
    public List<TimelineEntry> of(OrderId order) {
        return jdbc.sql("""
                        SELECT step, module, occurred_at, detail FROM tracking.timeline_entry
                        WHERE order_id = ? ORDER BY occurred_at, recorded""")
                .param(order.id())
                .query((row, number) -> new TimelineEntry(
                        order,
                        TimelineStep.valueOf(row.getString("step")),
                        row.getTimestamp("occurred_at").toInstant(),
                        row.getString("detail")))
                .list();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordOwner(OrderId order, CustomerId owner) {
        jdbc.sql("""
                        INSERT INTO tracking.order_owner (order_id, customer_id) VALUES (?, ?)
                        ON CONFLICT (order_id) DO NOTHING""").params(order.id(), owner.id()).update();
    }

    @Override
    public Optional<CustomerId> ownerOf(OrderId order) {
        return jdbc.sql("SELECT customer_id FROM tracking.order_owner WHERE order_id = ?")
                .param(order.id())
                .query(java.util.UUID.class)
                .optional()
                .map(CustomerId::new);
    }
}
