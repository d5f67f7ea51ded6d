package io.seams.shop.shipping.application;

import io.seams.shop.customers.CustomerErased;
import io.seams.shop.orders.OrderCancellationRequested;
import io.seams.shop.orders.OrderConfirmed;
import io.seams.shop.shipping.domain.Shipment;
import io.seams.shop.shipping.domain.Shipments;
import java.time.Clock;
import lombok.RequiredArgsConstructor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Prepares a shipment for every confirmed order (once, however often the event comes), and stops
 * it when its order's cancellation is asked for before dispatch. A cancellation that overtakes the
 * confirmation leaves a cancelled shipment behind, so the late confirmation prepares nothing.
 */
@Component
@RequiredArgsConstructor
class OrderShipments {

    private final Shipments shipments;
    private final Clock clock;

    @ApplicationModuleListener
    void on(OrderConfirmed event) {
        shipments.add(Shipment.prepare(event.orderId(), event.customerId(), event.shipTo(), clock.instant()));
    }

    @ApplicationModuleListener
    void on(OrderCancellationRequested event) {
        var now = clock.instant();
        shipments
                .findByOrder(event.orderId())
                .ifPresentOrElse(
                        shipment -> {
                            // Refused once a carrier has it: its dispatch tells the order it came too late.
                            if (shipment.cancel(now).changedState()) {
                                shipments.update(shipment);
                            }
                        },
                        () -> shipments.add(
                                Shipment.cancelledBeforePreparation(event.orderId(), event.customerId(), now)));
    }

    @ApplicationModuleListener
    void on(CustomerErased event) {
        shipments.eraseAddresses(event.customerId());
    }
}
