package io.seams.shop.payments;

import io.seams.shop.orders.OrderId;
import io.seams.shop.platform.kernel.Money;
import java.time.Instant;
import org.jmolecules.event.types.DomainEvent;
import org.springframework.modulith.events.Externalized;

/**
 * The order's total is authorised: the customer will be charged.
 *
 * @param orderId the order paid for
 * @param amount the amount authorised
 * @param occurredAt when the gateway authorised it
 */
@Externalized("payments.PaymentAuthorized.v1::#{orderId()}")
public record PaymentAuthorized(OrderId orderId, Money amount, Instant occurredAt) implements DomainEvent {}
