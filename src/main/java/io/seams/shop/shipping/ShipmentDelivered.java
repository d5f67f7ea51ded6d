package io.seams.shop.shipping;

import io.seams.shop.orders.OrderId;
import java.time.Instant;
import org.jmolecules.event.types.DomainEvent;
import org.springframework.modulith.events.Externalized;

/**
 * The carrier delivered the shipment.
 *
 * @param orderId the order delivered
 * @param shipmentId the shipment
 * @param occurredAt when it was delivered
 */
@Externalized("shipping.ShipmentDelivered.v1::#{orderId()}")
public record ShipmentDelivered(OrderId orderId, ShipmentId shipmentId, Instant occurredAt) implements DomainEvent {}
