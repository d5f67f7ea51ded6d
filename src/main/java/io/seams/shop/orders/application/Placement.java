package io.seams.shop.orders.application;

import io.seams.shop.catalog.Sku;
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
     * Nothing was placed: the catalog does not offer these SKUs.
     *
     * @param unknownSkus the SKUs the catalog does not know
     */
    record UnknownProducts(Set<Sku> unknownSkus) implements Placement {}
}
