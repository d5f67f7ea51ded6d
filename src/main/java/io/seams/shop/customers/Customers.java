package io.seams.shop.customers;

import java.util.Optional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * What other modules may ask the customers module; plain values only, so it is served over HTTP
 * when customers runs in another process (callers then get a client built from this interface).
 */
@HttpExchange("/internal/customers")
public interface Customers {

    /** The customer's current shipping address, or empty if there is no such customer. */
    @GetExchange("/{customer}/shipping-address")
    Optional<ShippingAddress> shippingAddressOf(@PathVariable CustomerId customer);
}
