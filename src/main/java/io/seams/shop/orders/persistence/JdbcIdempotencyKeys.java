package io.seams.shop.orders.persistence;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.application.IdempotencyKeys;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcIdempotencyKeys implements IdempotencyKeys {

    private final JdbcClient jdbc;

    JdbcIdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Claim> find(CustomerId customerId, String key) {
        return jdbc.sql("""
                        SELECT fingerprint, order_id FROM orders.idempotency_key
                        WHERE customer_id = ? AND key = ?""")
                .params(customerId.id(), key)
                .query((row, number) -> new Claim(
                        customerId,
                        key,
                        row.getString("fingerprint"),
                        new OrderId(row.getObject("order_id", UUID.class))))
                .optional();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(Claim claim) {
        return jdbc.sql("""
                        INSERT INTO orders.idempotency_key (customer_id, key, fingerprint, order_id)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (customer_id, key) DO NOTHING""")
                        .params(
                                claim.customerId().id(),
                                claim.key(),
                                claim.fingerprint(),
                                claim.orderId().id())
                        .update()
                == 1;
    }
}
