package io.seams.shop.orders;

import io.seams.shop.customers.CustomerId;
import java.time.Instant;
import org.jmolecules.event.types.DomainEvent;
import org.springframework.modulith.events.Externalized;

/**
 * Inventory could not reserve the order; nothing is reserved or charged.
 *
 * @param orderId the order
 * @param customerId who placed it
 * @param reason why it was rejected
 * @param occurredAt when it was rejected
 */
@Externalized("orders.OrderRejected.v1::#{orderId()}")
public record OrderRejected(OrderId orderId, CustomerId customerId, String reason, Instant occurredAt)
        implements DomainEvent {}
