package io.seams.shop.shipping.application;

import io.seams.shop.orders.OrderId;
import io.seams.shop.shipping.ShipmentId;
import io.seams.shop.shipping.domain.Shipment;
import io.seams.shop.shipping.domain.Shipments;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds shipments for staff: by id, or the one of an order. */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class FindShipments {

    private final Shipments shipments;

    public Optional<Shipment> byId(ShipmentId id) {
        return shipments.findById(id);
    }

    public Optional<Shipment> ofOrder(OrderId order) {
        return shipments.findByOrder(order);
    }
}
