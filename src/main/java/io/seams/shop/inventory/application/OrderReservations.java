package io.seams.shop.inventory.application;

import io.seams.shop.inventory.domain.ReservationLine;
import io.seams.shop.orders.OrderCancelled;
import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.OrderPlaced;
import io.seams.shop.platform.kernel.Transition;
import io.seams.shop.shipping.ShipmentDispatched;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Reserves stock for every placed order, gives it back when the order is cancelled, and takes it
 * out of the warehouse when the order is dispatched; a repeated event changes nothing.
 */
@Component
@RequiredArgsConstructor
class OrderReservations {

    private static final Logger log = LoggerFactory.getLogger(OrderReservations.class);

    private final ReserveStock reserving;
    private final ReleaseStock releasing;
    private final ShipStock shipping;

    @ApplicationModuleListener
    void on(OrderPlaced event) {
        var lines = event.lines().stream()
                .map(line -> new ReservationLine(line.sku(), line.quantity()))
                .toList();
        reserving
                .reserve(event.orderId(), lines)
                .ifPresentOrElse(
                        reservation -> log.debug("Order {}: stock {}", event.orderId(), reservation.status()),
                        () -> log.debug("Order {}: reservation was decided before", event.orderId()));
    }

    @ApplicationModuleListener
    void on(OrderCancelled event) {
        log(event.orderId(), "released", releasing.release(event.orderId()));
    }

    @ApplicationModuleListener
    void on(ShipmentDispatched event) {
        log(event.orderId(), "shipped", shipping.ship(event.orderId()));
    }

    private static void log(OrderId order, String what, Transition transition) {
        if (transition.isRefused()) {
            log.info("Order {}: stock not {}: {}", order, what, transition.reason());
        }
    }
}
