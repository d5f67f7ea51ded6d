package io.seams.shop.shipping;

import io.seams.shop.orders.OrderId;
import java.time.Instant;
import org.jmolecules.event.types.DomainEvent;
import org.springframework.modulith.events.Externalized;

/**
 * The shipment of an order whose cancellation was asked for was stopped before dispatch (or
 * never prepared): the order can be cancelled.
 *
 * @param orderId the order
 * @param occurredAt when the shipment was cancelled
 */
@Externalized("shipping.ShipmentCancelled.v1::#{orderId()}")
public record ShipmentCancelled(OrderId orderId, Instant occurredAt) implements DomainEvent {}
