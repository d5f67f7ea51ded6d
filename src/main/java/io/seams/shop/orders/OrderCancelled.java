package io.seams.shop.orders;

import io.seams.shop.customers.CustomerId;
import java.time.Instant;
import org.jmolecules.event.types.DomainEvent;
import org.springframework.modulith.events.Externalized;

/**
 * The order was cancelled before dispatch; whatever was reserved or charged is to be given back.
 *
 * @param orderId the order
 * @param customerId who placed it
 * @param reason why it was cancelled
 * @param occurredAt when it was cancelled
 */
@Externalized("orders.OrderCancelled.v1::#{orderId()}")
public record OrderCancelled(OrderId orderId, CustomerId customerId, String reason, Instant occurredAt)
        implements DomainEvent {}
