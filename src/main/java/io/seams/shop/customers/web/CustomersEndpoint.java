package io.seams.shop.customers.web;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.customers.Customers;
import io.seams.shop.customers.ShippingAddress;
import io.seams.shop.platform.adapters.security.Caller;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The {@link Customers} API served over HTTP, for modules running in other processes. An unknown
 * customer is an empty answer, as it is in-process.
 */
@Hidden
@RestController
@RequestMapping(path = "/internal/customers", produces = MediaType.APPLICATION_JSON_VALUE)
@RequiredArgsConstructor
class CustomersEndpoint {

    private final Customers customers;

    @GetMapping("/{customer}/shipping-address")
    Optional<ShippingAddress> shippingAddressOf(@PathVariable UUID customer) {
        // The caller's token is relayed: a customer gets their own address only (staff any).
        if (!Caller.current().actsFor(customer)) {
            return Optional.empty();
        }
        return customers.shippingAddressOf(new CustomerId(customer));
    }
}
