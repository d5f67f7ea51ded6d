package io.seams.shop.inventory.application;

import io.seams.shop.inventory.domain.ReservationLine;
import io.seams.shop.orders.OrderCancelled;
import io.seams.shop.orders.OrderPlaced;
import io.seams.shop.shipping.ShipmentDispatched;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Reserves stock for every placed order, gives it back when the order is cancelled, and takes it
 * out of the warehouse when the order is dispatched; a repeated event changes nothing.
 */
@Component
class OrderReservations {

    private static final Logger log = LoggerFactory.getLogger(OrderReservations.class);

    private final StockReservationService reservations;

    OrderReservations(StockReservationService reservations) {
        this.reservations = reservations;
    }

    @ApplicationModuleListener
    void on(OrderPlaced event) {
        var lines = event.lines().stream()
                .map(line -> new ReservationLine(line.sku(), line.quantity()))
                .toList();
        reservations
                .reserve(event.orderId(), lines)
                .ifPresentOrElse(
                        reservation -> log.debug("Order {}: stock {}", event.orderId(), reservation.status()),
                        () -> log.debug("Order {}: reservation was decided before", event.orderId()));
    }

    @ApplicationModuleListener
    void on(OrderCancelled event) {
        reservations.release(event.orderId());
    }

    @ApplicationModuleListener
    void on(ShipmentDispatched event) {
        reservations.ship(event.orderId());
    }
}
