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

/**
 * Hands a prepared shipment to a carrier, for staff. Unchanged when it already went with the same
 * carrier and tracking number; refused when it was cancelled, or went otherwise.
 */
@Service
@RequiredArgsConstructor
public class DispatchShipment {

    private final Shipments shipments;
    private final Clock clock;

    @Transactional
    public Outcome<Shipment> dispatch(ShipmentId id, String carrier, String trackingNumber) {
        return shipments.change(
                id,
                shipment -> shipment.dispatch(carrier, trackingNumber, clock.instant()),
                () -> Refusal.notFound("Shipment", id.id()),
                "shipment-state",
                "Shipment cannot be dispatched");
    }
}
