package io.seams.shop.customers;

import java.util.Optional;

/** What other modules may ask the customers module; plain values only, so it can be served remotely. */
public interface Customers {

    /** The customer's current shipping address, or empty if there is no such customer. */
    Optional<ShippingAddress> shippingAddressOf(CustomerId customer);
}
