package io.seams.shop.customers.persistence;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.customers.application.RegistrationKeys;
import io.seams.shop.platform.adapters.database.IdempotencyKeyClaims;
import io.seams.shop.platform.adapters.database.IdempotencyKeyTable;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The keys of {@code customers.registration_key}, unique per registrar, each naming the customer it registered. */
@Repository
class JdbcRegistrationKeys implements RegistrationKeys, IdempotencyKeyTable {

    /** What replaces an erased customer's fingerprint: it matches no profile, so a replay is refused. */
    static final String ERASED = "erased";

    private final JdbcClient jdbc;
    private final IdempotencyKeyClaims claims;

    JdbcRegistrationKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.claims = new IdempotencyKeyClaims("customers.registration_key", "registrar", "customer_id", jdbc);
    }

    @Override
    public Optional<Claim> find(String registrar, String key) {
        return claims.find(registrar, key)
                .map(stored -> new Claim(
                        registrar, key, stored.fingerprint(), new CustomerId(stored.created()), stored.claimedAt()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(Claim claim) {
        return claims.claim(
                claim.registrar(),
                claim.key(),
                claim.fingerprint(),
                claim.customerId().id(),
                claim.claimedAt());
    }

    @Override
    public int forgetClaimedBefore(Instant cutoff) {
        return claims.forgetClaimedBefore(cutoff);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void forgetProfileOf(CustomerId customerId) {
        jdbc.sql("UPDATE customers.registration_key SET fingerprint = ? WHERE customer_id = ?")
                .params(ERASED, customerId.id())
                .update();
    }
}
