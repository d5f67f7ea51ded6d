package io.seams.shop.customers.domain;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.platform.kernel.Aggregates;

/**
 * Every registered customer, erased ones included (named apart from the module's {@link
 * io.seams.shop.customers.Customers} API). Saving publishes the events the customer raised, in the
 * caller's transaction.
 */
public interface RegisteredCustomers extends Aggregates<Customer, CustomerId> {

    /** Stores a newly registered customer. */
    void add(Customer customer);
}
