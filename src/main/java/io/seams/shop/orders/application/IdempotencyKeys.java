package io.seams.shop.orders.application;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.orders.OrderId;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code Idempotency-Key}s clients sent with their orders, each with a fingerprint of the
 * request it came with and the order it created. A concern of placing orders over a retrying
 * transport, not of the order itself: hence here, beside the use case, and not in the domain. A
 * key is unique among one customer's orders only: clients choose keys, and two customers may choose
 * the same one.
 */
public interface IdempotencyKeys {

    Optional<Claim> find(CustomerId customerId, String key);

    /**
     * Claims the key for the order in the current transaction; false if it was claimed before (a
     * concurrent claim waits for the other transaction to finish).
     */
    boolean claim(Claim claim);

    /**
     * A key and what it was used for.
     *
     * @param customerId whose order the key placed
     * @param key the client's key
     * @param fingerprint a hash of the request the key came with
     * @param orderId the order the request created
     * @param claimedAt when the key was first used
     */
    record Claim(CustomerId customerId, String key, String fingerprint, OrderId orderId, Instant claimedAt) {}
}
