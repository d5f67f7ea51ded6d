package io.seams.shop.orders.domain;

import io.seams.shop.catalog.Sku;
import io.seams.shop.orders.OrderId;
import io.seams.shop.platform.Money;
import java.time.Instant;
import java.util.List;

/** Orders in the situations the tests talk about. */
final class Orders {

    static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");

    private Orders() {}

    static OrderLine twoClassicMugs() {
        return new OrderLine(new Sku("MUG-CLASSIC"), "Classic mug", 2, Money.of("12.90", "EUR"));
    }

    static OrderLine oneLogoTee() {
        return new OrderLine(new Sku("TEE-LOGO-M"), "Logo T-shirt (M)", 1, Money.of("24.00", "EUR"));
    }

    static Order aPlacedOrder() {
        return Order.place(OrderId.random(), List.of(twoClassicMugs(), oneLogoTee()), NOW);
    }

    static Order aReservedOrder() {
        var order = aPlacedOrder();
        order.markReserved();
        order.events().drain();
        return order;
    }

    static Order aRejectedOrder() {
        var order = aPlacedOrder();
        order.reject("Not enough stock");
        order.events().drain();
        return order;
    }
}
