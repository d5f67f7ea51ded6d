package io.seams.shop.audit.persistence;

import io.seams.shop.audit.AuditEntry;
import io.seams.shop.audit.domain.AuditTrail;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The trail in {@code audit.entry}: INSERT and SELECT only (a trigger refuses the rest). */
@Repository
@RequiredArgsConstructor
class JdbcAuditTrail implements AuditTrail {

    private final JdbcClient jdbc;

    @Override
    public void append(AuditEntry entry) {
        insert(null, entry);
    }

    @Override
    public void appendOnce(String eventKey, AuditEntry entry) {
        insert(eventKey, entry);
    }

    private void insert(@Nullable String eventKey, AuditEntry entry) {
        jdbc.sql("""
                        INSERT INTO audit.entry (at, actor, action, outcome, order_id, customer_id, detail, event_key)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (event_key) WHERE event_key IS NOT NULL DO NOTHING""")
                .params(
                        Timestamp.from(entry.at()),
                        entry.actor(),
                        entry.action(),
                        entry.outcome(),
                        entry.orderId().orElse(null),
                        entry.customerId().orElse(null),
                        entry.detail(),
                        eventKey)
                .update();
    }

    @Override
    public List<AuditEntry> find(Optional<UUID> orderId, Optional<UUID> customerId, int limit) {
        return jdbc.sql("""
                        SELECT at, actor, action, outcome, order_id, customer_id, detail FROM audit.entry
                        WHERE (CAST(? AS UUID) IS NULL OR order_id = ?)
                          AND (CAST(? AS UUID) IS NULL OR customer_id = ?)
                        ORDER BY id DESC LIMIT ?""")
                .params(
                        orderId.orElse(null),
                        orderId.orElse(null),
                        customerId.orElse(null),
                        customerId.orElse(null),
                        limit)
                .query((row, number) -> entryOf(row))
                .list();
    }

    private static AuditEntry entryOf(ResultSet row) throws SQLException {
        return new AuditEntry(
                row.getTimestamp("at").toInstant(),
                row.getString("actor"),
                row.getString("action"),
                row.getString("outcome"),
                Optional.ofNullable(row.getObject("order_id", UUID.class)),
                Optional.ofNullable(row.getObject("customer_id", UUID.class)),
                row.getString("detail"));
    }
}
