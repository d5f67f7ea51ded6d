package io.seams.shop.shipping.application;

import io.seams.shop.platform.kernel.Outcome;
import io.seams.shop.platform.kernel.Refusal;
import io.seams.shop.shipping.ShipmentId;
import io.seams.shop.shipping.domain.Shipment;
import io.seams.shop.shipping.domain.Shipments;
import java.time.Clock;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records, for staff, that the carrier delivered a shipment. Unchanged when it was delivered before. */
@Service
@RequiredArgsConstructor
public class DeliverShipment {

    private final Shipments shipments;
    private final Clock clock;

    @Transactional
    public Outcome<Shipment> deliver(ShipmentId id) {
        return shipments.change(
                id,
                shipment -> shipment.deliver(clock.instant()),
                () -> Refusal.notFound("Shipment", id.id()),
                "shipment-state",
                "Shipment cannot be delivered");
    }
}
