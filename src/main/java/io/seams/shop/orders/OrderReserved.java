package io.seams.shop.orders;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.platform.kernel.Money;
import java.time.Instant;
import org.jmolecules.event.types.DomainEvent;
import org.springframework.modulith.events.Externalized;

/**
 * Every line of the order is reserved; its total is to be paid.
 *
 * @param orderId the order
 * @param customerId who placed it
 * @param total what to charge
 * @param paymentToken the customer's payment method, as the payment gateway knows it
 * @param occurredAt when the order became reserved
 */
@Externalized("orders.OrderReserved.v1::#{orderId()}")
public record OrderReserved(
        OrderId orderId, CustomerId customerId, Money total, String paymentToken, Instant occurredAt)
        implements DomainEvent {}
