package io.seams.shop.shipping;

import io.seams.shop.orders.OrderId;
import java.time.Instant;
import org.jmolecules.event.types.DomainEvent;
import org.springframework.modulith.events.Externalized;

/**
 * Staff handed the shipment to a carrier.
 *
 * @param orderId the order shipped
 * @param shipmentId the shipment
 * @param carrier the carrier
 * @param trackingNumber the carrier's tracking number
 * @param occurredAt when it was dispatched
 */
@Externalized("shipping.ShipmentDispatched.v1::#{orderId()}")
public record ShipmentDispatched(
        OrderId orderId, ShipmentId shipmentId, String carrier, String trackingNumber, Instant occurredAt)
        implements DomainEvent {}
