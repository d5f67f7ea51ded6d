package io.seams.shop.customers.application;

import io.seams.shop.customers.CustomerId;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code Idempotency-Key}s staff sent with registrations, each with a fingerprint of the
 * profile it came with and the customer it registered. A concern of registering over a retrying
 * transport, not of the customer: hence here, beside the use case. A key is unique among one
 * registrar's registrations only: clients choose keys, and two registrars may choose the same one.
 */
public interface RegistrationKeys {

    Optional<Claim> find(String registrar, String key);

    /**
     * Claims the key for the customer in the current transaction; false if it was claimed before (a
     * concurrent claim waits for the other transaction to finish).
     */
    boolean claim(Claim claim);

    /** Forgets what the customer's keys were sent with: the fingerprint was computed from personal data. */
    void forgetProfileOf(CustomerId customerId);

    /**
     * A key and what it was used for.
     *
     * @param registrar who sent the key (the caller's subject)
     * @param key the client's key
     * @param fingerprint a hash of the profile the key came with
     * @param customerId the customer the request registered
     * @param claimedAt when the key was first used
     */
    record Claim(String registrar, String key, String fingerprint, CustomerId customerId, Instant claimedAt) {}
}
