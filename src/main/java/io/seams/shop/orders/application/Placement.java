package io.seams.shop.orders.application;

import io.seams.shop.catalog.Sku;
import io.seams.shop.customers.CustomerId;
import io.seams.shop.orders.domain.Order;
import java.util.Set;

/** What came of a request to place an order. */
public sealed interface Placement {

    /**
     * The order was placed.
     *
     * @param order the new order
     */
    record Placed(Order order) implements Placement {}

    /**
     * The same request came again with the same idempotency key: the order it placed the first time.
     *
     * @param order the order placed by the first request
     */
    record Replayed(Order order) implements Placement {}

    /**
     * Nothing was placed: the catalog does not offer these SKUs.
     *
     * @param unknownSkus the SKUs the catalog does not know
     */
    record UnknownProducts(Set<Sku> unknownSkus) implements Placement {}

    /**
     * Nothing was placed: the catalog prices these products in different currencies, and an order
     * is paid in one.
     *
     * @param currencies the currencies involved
     */
    record MixedCurrencies(Set<String> currencies) implements Placement {}

    /**
     * Nothing was placed: there is no such customer (or the customer was erased).
     *
     * @param customerId the customer asked for
     */
    record UnknownCustomer(CustomerId customerId) implements Placement {}

    /**
     * Nothing was placed: the idempotency key was used before for a different request.
     *
     * @param key the key
     */
    record KeyReused(String key) implements Placement {}
}
