package io.seams.shop.shipping;

import io.seams.shop.orders.OrderId;
import java.time.Instant;
import org.jmolecules.event.types.DomainEvent;
import org.springframework.modulith.events.Externalized;

/**
 * A shipment was prepared for a confirmed order, waiting to be dispatched.
 *
 * @param orderId the order shipped
 * @param shipmentId the shipment
 * @param occurredAt when it was created
 */
@Externalized("shipping.ShipmentCreated.v1::#{orderId()}")
public record ShipmentCreated(OrderId orderId, ShipmentId shipmentId, Instant occurredAt) implements DomainEvent {}
