package io.seams.shop.shipping.application;

import io.seams.shop.customers.CustomerErased;
import io.seams.shop.orders.OrderCancellationRequested;
import io.seams.shop.orders.OrderConfirmed;
import io.seams.shop.orders.OrderId;
import io.seams.shop.shipping.ShipmentId;
import io.seams.shop.shipping.domain.Shipment;
import io.seams.shop.shipping.domain.Shipments;
import java.time.Clock;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prepares a shipment for every confirmed order (once, however often the event comes), lets
 * staff dispatch and deliver it, and stops it when its order's cancellation is asked for before
 * dispatch. A cancellation that overtakes the confirmation leaves a cancelled shipment behind, so
 * the late confirmation prepares nothing.
 */
@Service
@Transactional
public class ShipmentService {

    private final Shipments shipments;
    private final Clock clock;

    ShipmentService(Shipments shipments, Clock clock) {
        this.shipments = shipments;
        this.clock = clock;
    }

    /**
     * What staff asked of a shipment, and what came of it.
     *
     * @param shipment the shipment as it is now
     * @param changed whether it changed (false: its status did not allow it)
     */
    public record Outcome(Shipment shipment, boolean changed) {}

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
                            if (shipment.cancel(now)) {
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

    @Transactional(readOnly = true)
    public Optional<Shipment> find(ShipmentId id) {
        return shipments.findById(id);
    }

    @Transactional(readOnly = true)
    public Optional<Shipment> findByOrder(OrderId order) {
        return shipments.findByOrder(order);
    }

    public Optional<Outcome> dispatch(ShipmentId id, String carrier, String trackingNumber) {
        return shipments
                .findById(id)
                .map(shipment -> save(shipment, shipment.dispatch(carrier, trackingNumber, clock.instant())));
    }

    public Optional<Outcome> deliver(ShipmentId id) {
        return shipments.findById(id).map(shipment -> save(shipment, shipment.deliver(clock.instant())));
    }

    private Outcome save(Shipment shipment, boolean changed) {
        if (changed) {
            shipments.update(shipment);
        }
        return new Outcome(shipment, changed);
    }
}
