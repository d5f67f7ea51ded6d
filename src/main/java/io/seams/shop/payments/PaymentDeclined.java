package io.seams.shop.payments;

import io.seams.shop.orders.OrderId;
import java.time.Instant;
import org.jmolecules.event.types.DomainEvent;
import org.springframework.modulith.events.Externalized;

/**
 * The payment gateway declined the order's payment; nothing was charged.
 *
 * @param orderId the order
 * @param reason why it was declined
 * @param occurredAt when it was declined
 */
@Externalized("payments.PaymentDeclined.v1::#{orderId()}")
public record PaymentDeclined(OrderId orderId, String reason, Instant occurredAt) implements DomainEvent {}
