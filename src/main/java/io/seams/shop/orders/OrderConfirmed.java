package io.seams.shop.orders;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.customers.ShippingAddress;
import java.time.Instant;
import org.jmolecules.event.types.DomainEvent;
import org.springframework.modulith.events.Externalized;

/**
 * The order is reserved and paid: it is to be shipped.
 *
 * @param orderId the order
 * @param customerId who placed it
 * @param shipTo where to ship it (personal data)
 * @param occurredAt when the order was confirmed
 */
@Externalized("orders.OrderConfirmed.v1::#{orderId()}")
public record OrderConfirmed(OrderId orderId, CustomerId customerId, ShippingAddress shipTo, Instant occurredAt)
        implements DomainEvent {}
