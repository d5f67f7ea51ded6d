package io.seams.shop.customers.application;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.customers.domain.Customer;
import io.seams.shop.customers.domain.RegisteredCustomers;
import io.seams.shop.platform.kernel.Fingerprints;
import io.seams.shop.platform.kernel.Outcome;
import io.seams.shop.platform.kernel.Refusal;
import java.time.Clock;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers a customer with a new id, telling the other modules how to reach them. An {@code
 * Idempotency-Key} is claimed in the same transaction as the customer, so a retried request never
 * registers a second customer.
 *
 * <p>Applied: the customer was registered. Unchanged: the same registrar sent the same profile
 * again with the same key, and the customer registered the first time is the answer. Refused:
 * nothing was registered, because the key was used before for another profile.
 */
@Service
@RequiredArgsConstructor
public class RegisterCustomer {

    private final RegisteredCustomers customers;
    private final RegistrationKeys keys;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /** Registers a customer with no idempotency key: every call registers another one. */
    public Customer register(Customer.Profile profile) {
        return transactions.execute(status -> add(profile));
    }

    /** Registers a customer, once per registrar and idempotency key if one is given. */
    public Outcome<Customer> register(Customer.Profile profile, String registrar, Optional<String> idempotencyKey) {
        if (idempotencyKey.isEmpty()) {
            return Outcome.applied(register(profile));
        }
        var key = idempotencyKey.get();
        var fingerprint = fingerprintOf(profile);
        var earlier = keys.find(registrar, key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), fingerprint);
        }
        return transactions.execute(status -> {
            var customer = add(profile);
            var claim = new RegistrationKeys.Claim(registrar, key, fingerprint, customer.getId(), clock.instant());
            if (!keys.claim(claim)) {
                // A concurrent request with the same key won: undo this registration, answer with that one's.
                status.setRollbackOnly();
                return replay(keys.find(registrar, key).orElseThrow(), fingerprint);
            }
            return Outcome.applied(customer);
        });
    }

    private Customer add(Customer.Profile profile) {
        var customer = Customer.register(CustomerId.random(), profile, clock.instant());
        customers.add(customer);
        return customer;
    }

    private Outcome<Customer> replay(RegistrationKeys.Claim claim, String fingerprint) {
        if (!claim.fingerprint().equals(fingerprint)) {
            return Outcome.refused(Refusal.idempotencyKeyReused(claim.key()));
        }
        return Outcome.unchanged(customers.findById(claim.customerId()).orElseThrow());
    }

    /** A hash of the profile: the same profile, the same fingerprint. */
    private static String fingerprintOf(Customer.Profile profile) {
        var address = profile.address();
        return Fingerprints.of(String.join(
                "\n",
                profile.name(),
                profile.email(),
                address.recipient(),
                address.street(),
                address.postalCode(),
                address.city(),
                address.country()));
    }
}
