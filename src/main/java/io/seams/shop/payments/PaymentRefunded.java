package io.seams.shop.payments;

import io.seams.shop.orders.OrderId;
import io.seams.shop.platform.kernel.Money;
import java.time.Instant;
import org.jmolecules.event.types.DomainEvent;
import org.springframework.modulith.events.Externalized;

/**
 * The authorised payment of a cancelled order was refunded.
 *
 * @param orderId the cancelled order
 * @param amount the amount refunded
 * @param occurredAt when it was refunded
 */
@Externalized("payments.PaymentRefunded.v1::#{orderId()}")
public record PaymentRefunded(OrderId orderId, Money amount, Instant occurredAt) implements DomainEvent {}
