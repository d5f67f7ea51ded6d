package io.seams.shop.shipping.application;

import io.seams.shop.platform.kernel.Outcome;
import io.seams.shop.platform.kernel.Refusal;
import io.seams.shop.shipping.ShipmentId;
import io.seams.shop.shipping.domain.Shipment;
import io.seams.shop.shipping.domain.Shipments;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records, for staff, that the carrier delivered a shipment. Unchanged when it was delivered before. */
@Service
public class DeliverShipment {

    private final Shipments shipments;
    private final Clock clock;

    DeliverShipment(Shipments shipments, Clock clock) {
        this.shipments = shipments;
        this.clock = clock;
    }

    @Transactional
    public Outcome<Shipment> deliver(ShipmentId id) {
        return Outcome.ofChange(
                shipments.lockById(id),
                shipment -> shipment.deliver(clock.instant()),
                shipments::update,
                () -> Refusal.notFound("Shipment", id.id()),
                "shipment-state",
                "Shipment cannot be delivered");
    }
}
