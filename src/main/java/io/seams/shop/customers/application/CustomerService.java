package io.seams.shop.customers.application;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.customers.Customers;
import io.seams.shop.customers.ShippingAddress;
import io.seams.shop.customers.domain.Customer;
import io.seams.shop.customers.domain.CustomerRepository;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Registers, changes and erases customers, and answers the {@link Customers} API. */
@Service
@Transactional
public class CustomerService implements Customers {

    private final CustomerRepository customers;
    private final Clock clock;

    CustomerService(CustomerRepository customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    public Customer register(Customer.Profile profile) {
        var customer = Customer.register(CustomerId.random(), profile, clock.instant());
        customers.add(customer);
        return customer;
    }

    @Transactional(readOnly = true)
    public Optional<Customer> find(CustomerId id) {
        return customers.findById(id);
    }

    /** The changed customer; empty if there is none; unchanged if it was erased. */
    public Optional<Customer> change(CustomerId id, Customer.Profile profile) {
        return customers.findById(id).map(customer -> {
            if (customer.change(profile, clock.instant())) {
                customers.update(customer);
            }
            return customer;
        });
    }

    /** Erases the customer's personal data everywhere (through {@code CustomerErased}). */
    public Optional<Customer> erase(CustomerId id) {
        return customers.findById(id).map(customer -> {
            if (customer.erase(clock.instant())) {
                customers.update(customer);
            }
            return customer;
        });
    }

    /**
     * One SELECT, so no transaction of its own (placing an order asks this before its transaction
     * starts; a read-only transaction only added a BEGIN and a COMMIT to every order). Joins the
     * caller's transaction if there is one.
     */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<ShippingAddress> shippingAddressOf(CustomerId customer) {
        return customers.findById(customer).filter(found -> !found.isErased()).map(Customer::shippingAddress);
    }
}
