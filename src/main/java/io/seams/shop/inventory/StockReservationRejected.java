package io.seams.shop.inventory;

import io.seams.shop.orders.OrderId;
import java.time.Instant;
import org.jmolecules.event.types.DomainEvent;
import org.springframework.modulith.events.Externalized;

/**
 * An order's stock could not be reserved; nothing was reserved for it.
 *
 * @param orderId the order
 * @param reason which SKUs fell short, in words
 * @param occurredAt when the reservation was refused
 */
@Externalized("inventory.StockReservationRejected.v1::#{orderId()}")
public record StockReservationRejected(OrderId orderId, String reason, Instant occurredAt) implements DomainEvent {}
