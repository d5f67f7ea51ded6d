package io.seams.shop.platform.adapters.database;

import java.time.Instant;

/**
 * A module's table of the {@code Idempotency-Key}s its clients sent, which {@link
 * IdempotencyKeyExpiry} keeps from growing for ever. The module's repository of keys implements it
 * on its own schema.
 */
public interface IdempotencyKeyTable {

    /**
     * Deletes the keys claimed before the cutoff, in the current transaction: a request with one of
     * them is then a new request.
     *
     * @return how many keys were deleted
     */
    int forgetClaimedBefore(Instant cutoff);
}
