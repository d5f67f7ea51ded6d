package io.seams.shop.orders.domain;

import io.seams.shop.catalog.Sku;
import io.seams.shop.customers.CustomerId;
import io.seams.shop.customers.ShippingAddress;
import io.seams.shop.orders.OrderId;
import io.seams.shop.platform.kernel.Money;
import java.time.Instant;
import java.util.List;

/** Orders in the situations the tests talk about. */
final class OrderExamples {

    static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    static final CustomerId ADA = CustomerId.DEMO;
    static final ShippingAddress ADAS_ADDRESS =
            new ShippingAddress("Ada Lovelace", "12 St James's Square", "SW1Y 4JH", "London", "GB");

    private OrderExamples() {}

    static OrderLine twoClassicMugs() {
        return new OrderLine(new Sku("MUG-CLASSIC"), "Classic mug", 2, Money.of("12.90", "EUR"));
    }

    static OrderLine oneLogoTee() {
        return new OrderLine(new Sku("TEE-LOGO-M"), "Logo T-shirt (M)", 1, Money.of("24.00", "EUR"));
    }

    static Order aPlacedOrder() {
        return Order.place(
                OrderId.random(), ADA, List.of(twoClassicMugs(), oneLogoTee()), ADAS_ADDRESS, "tok_visa", NOW);
    }

    static Order aReservedOrder() {
        var order = aPlacedOrder();
        order.markReserved(NOW);
        order.drainEvents();
        return order;
    }

    static Order aConfirmedOrder() {
        var order = aReservedOrder();
        order.confirmPayment(NOW);
        order.drainEvents();
        return order;
    }

    static Order aShippedOrder() {
        var order = aConfirmedOrder();
        order.markShipped();
        return order;
    }

    static Order aRejectedOrder() {
        var order = aPlacedOrder();
        order.reject("Not enough stock", NOW);
        order.drainEvents();
        return order;
    }
}
