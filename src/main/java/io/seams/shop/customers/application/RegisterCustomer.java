package io.seams.shop.customers.application;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.customers.domain.Customer;
import io.seams.shop.customers.domain.RegisteredCustomers;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers a customer with a new id, telling the other modules how to reach them. */
@Service
public class RegisterCustomer {

    private final RegisteredCustomers customers;
    private final Clock clock;

    RegisterCustomer(RegisteredCustomers customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    @Transactional
    public Customer register(Customer.Profile profile) {
        var customer = Customer.register(CustomerId.random(), profile, clock.instant());
        customers.add(customer);
        return customer;
    }
}
