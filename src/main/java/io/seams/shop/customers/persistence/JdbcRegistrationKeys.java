package io.seams.shop.customers.persistence;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.customers.application.RegistrationKeys;
import io.seams.shop.platform.kernel.Fingerprints;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Keeps each key as its hash: a client may have put personal data in a key, and erasure could not find it there. */
@Repository
class JdbcRegistrationKeys implements RegistrationKeys {

    /** What replaces an erased customer's fingerprint: it matches no profile, so a replay is refused. */
    static final String ERASED = "erased";

    private final JdbcClient jdbc;

    JdbcRegistrationKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Claim> find(String registrar, String key) {
        return jdbc.sql("""
                        SELECT fingerprint, customer_id FROM customers.registration_key
                        WHERE registrar = ? AND key_hash = ?""")
                .params(registrar, Fingerprints.of(key))
                .query((row, number) -> new Claim(
                        registrar,
                        key,
                        row.getString("fingerprint"),
                        new CustomerId(row.getObject("customer_id", UUID.class))))
                .optional();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(Claim claim) {
        var claimed = jdbc.sql("""
                        INSERT INTO customers.registration_key (registrar, key_hash, fingerprint, customer_id)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (registrar, key_hash) DO NOTHING""")
                .params(
                        claim.registrar(),
                        Fingerprints.of(claim.key()),
                        claim.fingerprint(),
                        claim.customerId().id())
                .update();
        return claimed == 1;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void forgetProfileOf(CustomerId customerId) {
        jdbc.sql("UPDATE customers.registration_key SET fingerprint = ? WHERE customer_id = ?")
                .params(ERASED, customerId.id())
                .update();
    }
}
