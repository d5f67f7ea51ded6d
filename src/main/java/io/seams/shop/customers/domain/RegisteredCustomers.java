package io.seams.shop.customers.domain;

import io.seams.shop.customers.CustomerId;
import java.util.Optional;
import org.jmolecules.ddd.types.Repository;

/**
 * Every registered customer, erased ones included (named apart from the module's {@link
 * io.seams.shop.customers.Customers} API). Saving publishes the events the customer raised, in the
 * caller's transaction.
 */
public interface RegisteredCustomers extends Repository<Customer, CustomerId> {

    Optional<Customer> findById(CustomerId id);

    /**
     * Loads the customer to change it, holding its row lock until the transaction ends: concurrent
     * commands on one customer take turns, and each sees what the one before it did.
     */
    Optional<Customer> lockById(CustomerId id);

    void add(Customer customer);

    void update(Customer customer);
}
