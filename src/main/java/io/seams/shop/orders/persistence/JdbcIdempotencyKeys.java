package io.seams.shop.orders.persistence;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.application.IdempotencyKeys;
import io.seams.shop.platform.adapters.database.IdempotencyKeyClaims;
import io.seams.shop.platform.adapters.database.IdempotencyKeyTable;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The keys of {@code orders.idempotency_key}, unique per customer, each naming the order it placed. */
@Repository
class JdbcIdempotencyKeys implements IdempotencyKeys, IdempotencyKeyTable {

    private final IdempotencyKeyClaims claims;

    JdbcIdempotencyKeys(JdbcClient jdbc) {
        this.claims = new IdempotencyKeyClaims("orders.idempotency_key", "customer_id", "order_id", jdbc);
    }

    @Override
    public Optional<Claim> find(CustomerId customerId, String key) {
        return claims.find(customerId.id(), key)
                .map(stored -> new Claim(
                        customerId, key, stored.fingerprint(), new OrderId(stored.created()), stored.claimedAt()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(Claim claim) {
        return claims.claim(
                claim.customerId().id(),
                claim.key(),
                claim.fingerprint(),
                claim.orderId().id(),
                claim.claimedAt());
    }

    @Override
    public int forgetClaimedBefore(Instant cutoff) {
        return claims.forgetClaimedBefore(cutoff);
    }
}
