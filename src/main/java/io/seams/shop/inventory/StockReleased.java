package io.seams.shop.inventory;

import io.seams.shop.orders.OrderId;
import java.time.Instant;
import org.jmolecules.event.types.DomainEvent;
import org.springframework.modulith.events.Externalized;

/**
 * The stock reserved for a cancelled order is available again.
 *
 * @param orderId the cancelled order
 * @param occurredAt when the stock was released
 */
@Externalized("inventory.StockReleased.v1::#{orderId()}")
public record StockReleased(OrderId orderId, Instant occurredAt) implements DomainEvent {}
