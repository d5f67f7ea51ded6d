package io.seams.shop.orders;

import io.seams.shop.catalog.Sku;
import io.seams.shop.customers.CustomerId;
import io.seams.shop.platform.kernel.Money;
import java.time.Instant;
import java.util.List;
import org.jmolecules.event.types.DomainEvent;
import org.springframework.modulith.events.Externalized;

/**
 * A customer placed an order at current catalog prices; its stock is not reserved yet.
 *
 * @param orderId the order
 * @param customerId who placed it
 * @param lines what was ordered, one line per SKU
 * @param total the order's total
 * @param occurredAt when the order was placed
 */
@Externalized("orders.OrderPlaced.v1::#{orderId()}")
public record OrderPlaced(OrderId orderId, CustomerId customerId, List<Line> lines, Money total, Instant occurredAt)
        implements DomainEvent {

    public OrderPlaced {
        lines = List.copyOf(lines);
    }

    /**
     * One SKU of the order.
     *
     * @param sku the product
     * @param quantity how many units, at least one
     */
    public record Line(Sku sku, int quantity) {}
}
