package io.seams.shop.platform.adapters.database;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgets, in every {@link IdempotencyKeyTable} this process hosts, the keys first used more than
 * {@code seams.idempotency-keys.retention} ago. Clients retry within minutes; a key kept for ever
 * would only grow the table. Each table is cleaned in its own transaction, so one module's failure
 * leaves the others' done. Several instances may run this at once: deleting what is already
 * deleted changes nothing.
 */
@Component
class IdempotencyKeyExpiry {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyExpiry.class);

    private final List<IdempotencyKeyTable> tables;
    private final IdempotencyKeyProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    IdempotencyKeyExpiry(
            List<IdempotencyKeyTable> tables,
            IdempotencyKeyProperties properties,
            TransactionTemplate transactions,
            Clock clock) {
        this.tables = List.copyOf(tables);
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Forgets the keys first used longer than the retention ago; returns how many. */
    @Scheduled(
            initialDelayString = "${seams.idempotency-keys.expiry-interval:PT1H}",
            fixedDelayString = "${seams.idempotency-keys.expiry-interval:PT1H}")
    int forgetExpiredKeys() {
        var cutoff = clock.instant().minus(properties.retention());
        var forgotten = 0;
        for (var table : tables) {
            forgotten += transactions.execute(status -> table.forgetClaimedBefore(cutoff));
        }
        if (forgotten > 0) {
            log.info("Forgot {} idempotency key(s) first used before {}", forgotten, cutoff);
        }
        return forgotten;
    }
}
