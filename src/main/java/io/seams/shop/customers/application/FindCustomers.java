package io.seams.shop.customers.application;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.customers.Customers;
import io.seams.shop.customers.ShippingAddress;
import io.seams.shop.customers.domain.Customer;
import io.seams.shop.customers.domain.RegisteredCustomers;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Finds customers: their profiles for the HTTP API, their shipping addresses for the {@link Customers} API. */
@Service
@RequiredArgsConstructor
public class FindCustomers implements Customers {

    private final RegisteredCustomers customers;

    @Transactional(readOnly = true)
    public Optional<Customer> find(CustomerId id) {
        return customers.findById(id);
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
