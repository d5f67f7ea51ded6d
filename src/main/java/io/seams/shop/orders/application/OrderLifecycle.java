package io.seams.shop.orders.application;

import io.seams.shop.customers.CustomerErased;
import io.seams.shop.inventory.StockReservationRejected;
import io.seams.shop.inventory.StockReserved;
import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.domain.Order;
import io.seams.shop.orders.domain.Orders;
import io.seams.shop.payments.PaymentAuthorized;
import io.seams.shop.payments.PaymentDeclined;
import io.seams.shop.platform.kernel.Transition;
import io.seams.shop.shipping.ShipmentCancelled;
import io.seams.shop.shipping.ShipmentDelivered;
import io.seams.shop.shipping.ShipmentDispatched;
import java.time.Clock;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Moves orders through their lifecycle as the other modules report: the saga's orchestrator.
 * Each report is handled in a transaction of its own and is idempotent: a report delivered twice
 * finds the order already moved and changes nothing; a report that comes too late (the order was
 * cancelled meanwhile) is refused by the order and only logged — the module that sent it
 * compensates on {@code OrderCancelled}.
 */
@Component
@RequiredArgsConstructor
class OrderLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderLifecycle.class);

    private final Orders orders;
    private final Clock clock;

    @ApplicationModuleListener
    void on(StockReserved event) {
        apply(event.orderId(), order -> order.markReserved(clock.instant()));
    }

    @ApplicationModuleListener
    void on(StockReservationRejected event) {
        apply(event.orderId(), order -> order.reject(event.reason(), clock.instant()));
    }

    @ApplicationModuleListener
    void on(PaymentAuthorized event) {
        apply(event.orderId(), order -> order.confirmPayment(clock.instant()));
    }

    @ApplicationModuleListener
    void on(PaymentDeclined event) {
        apply(event.orderId(), order -> order.declinePayment(event.reason(), clock.instant()));
    }

    @ApplicationModuleListener
    void on(ShipmentDispatched event) {
        apply(event.orderId(), Order::markShipped);
    }

    @ApplicationModuleListener
    void on(ShipmentCancelled event) {
        apply(event.orderId(), order -> order.completeCancellation(clock.instant()));
    }

    @ApplicationModuleListener
    void on(ShipmentDelivered event) {
        apply(event.orderId(), Order::markDelivered);
    }

    @ApplicationModuleListener
    void on(CustomerErased event) {
        var erased = orders.eraseShippingAddresses(event.customerId());
        log.info("Erased the shipping address of {} order(s) of customer {}", erased, event.customerId());
    }

    private void apply(OrderId id, Function<Order, Transition> transition) {
        var order = orders.lockById(id).orElseThrow(() -> new IllegalStateException("No order " + id));
        var result = transition.apply(order);
        switch (result.outcome()) {
            case APPLIED -> orders.update(order);
            case UNCHANGED -> log.debug("Order {} already is {}; nothing to do", id, order.status());
            case REFUSED -> log.info("Ignoring a late report: {}", result.reason());
        }
    }
}
