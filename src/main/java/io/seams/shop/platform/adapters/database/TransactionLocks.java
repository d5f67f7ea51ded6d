package io.seams.shop.platform.adapters.database;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Named locks held until the current transaction ends (PostgreSQL advisory locks). Modules use
 * them to make work on one thing take turns across threads and instances — everything done for
 * one order, or with one customer's personal data — without locking any table of another module.
 */
@Component
@RequiredArgsConstructor
public class TransactionLocks {

    private final JdbcClient jdbc;

    /** Waits for the lock of the given name, held until the calling transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(String name) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))")
                .param(name)
                .query((row, number) -> 1)
                .single();
    }
}
