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

/** Changes a customer's profile; refused once the customer is erased. */
@Service
@RequiredArgsConstructor
public class ChangeProfile {

    private final RegisteredCustomers customers;
    private final Clock clock;

    @Transactional
    public Outcome<Customer> change(CustomerId id, Customer.Profile profile) {
        return customers.change(
                id,
                customer -> customer.change(profile, clock.instant()),
                () -> Refusal.notFound("Customer", id.id()),
                "customer-erased",
                "Customer erased");
    }
}
