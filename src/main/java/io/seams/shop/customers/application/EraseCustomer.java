package io.seams.shop.customers.application;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.customers.domain.Customer;
import io.seams.shop.customers.domain.RegisteredCustomers;
import io.seams.shop.platform.kernel.Outcome;
import io.seams.shop.platform.kernel.Refusal;
import java.time.Clock;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a customer's personal data: here at once (the profile, and the fingerprint of it kept with
 * the registration's idempotency key), in every other module when it receives {@code
 * CustomerErased}. Unchanged when the customer was erased before.
 */
@Service
@RequiredArgsConstructor
public class EraseCustomer {

    private final RegisteredCustomers customers;
    private final RegistrationKeys keys;
    private final Clock clock;

    @Transactional
    public Outcome<Customer> erase(CustomerId id) {
        return Outcome.ofChange(
                customers.lockById(id),
                customer -> customer.erase(clock.instant()),
                customer -> {
                    customers.update(customer);
                    keys.forgetProfileOf(customer.getId());
                },
                () -> Refusal.notFound("Customer", id.id()),
                "customer-erased",
                "Customer erased");
    }
}
