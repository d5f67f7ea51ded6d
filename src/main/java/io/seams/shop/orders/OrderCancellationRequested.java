package io.seams.shop.orders;

import io.seams.shop.customers.CustomerId;
import java.time.Instant;
import org.jmolecules.event.types.DomainEvent;
import org.springframework.modulith.events.Externalized;

/**
 * The customer asked to cancel a confirmed order. Shipping decides: it cancels the shipment
 * (the order is then cancelled and compensated) unless the parcel is already with a carrier.
 *
 * @param orderId the order
 * @param customerId who placed it
 * @param reason why it is to be cancelled
 * @param occurredAt when the cancellation was asked for
 */
@Externalized("orders.OrderCancellationRequested.v1::#{orderId()}")
public record OrderCancellationRequested(OrderId orderId, CustomerId customerId, String reason, Instant occurredAt)
        implements DomainEvent {}
