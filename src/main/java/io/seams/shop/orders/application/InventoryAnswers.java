package io.seams.shop.orders.application;

import io.seams.shop.inventory.StockReservationRejected;
import io.seams.shop.inventory.StockReserved;
import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.domain.Order;
import io.seams.shop.orders.domain.OrderRepository;
import io.seams.shop.orders.domain.Transition;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Moves orders on when inventory answers. Each answer is handled in a transaction of its own and
 * is idempotent: an answer delivered twice finds the order already moved and changes nothing.
 */
@Component
class InventoryAnswers {

    private static final Logger log = LoggerFactory.getLogger(InventoryAnswers.class);

    private final OrderRepository orders;

    InventoryAnswers(OrderRepository orders) {
        this.orders = orders;
    }

    @ApplicationModuleListener
    void on(StockReserved event) {
        apply(event.orderId(), Order::markReserved);
    }

    @ApplicationModuleListener
    void on(StockReservationRejected event) {
        apply(event.orderId(), order -> order.reject(event.reason()));
    }

    private void apply(OrderId id, Function<Order, Transition> transition) {
        var order = orders.findById(id)
                .orElseThrow(() -> new IllegalStateException("Inventory answered for unknown order " + id));
        var result = transition.apply(order);
        switch (result.outcome()) {
            case APPLIED -> orders.update(order);
            case UNCHANGED -> log.debug("Order {} already is {}; nothing to do", id, order.status());
            case REFUSED -> log.warn("Ignoring inventory's answer: {}", result.reason());
        }
    }
}
