package io.seams.shop.inventory;

import io.seams.shop.orders.OrderId;
import java.time.Instant;
import org.jmolecules.event.types.DomainEvent;
import org.springframework.modulith.events.Externalized;

/**
 * Every line of an order is reserved: the stock is set aside for it.
 *
 * @param orderId the order the stock is reserved for
 * @param occurredAt when the stock was reserved
 */
@Externalized("inventory.StockReserved.v1::#{orderId()}")
public record StockReserved(OrderId orderId, Instant occurredAt) implements DomainEvent {}
