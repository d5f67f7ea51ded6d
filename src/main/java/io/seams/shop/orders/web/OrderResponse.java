package io.seams.shop.orders.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.seams.shop.customers.ShippingAddress;
import io.seams.shop.orders.domain.Order;
import io.seams.shop.orders.domain.OrderStatus;
import io.seams.shop.platform.kernel.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An order as the API shows it.
 *
 * @param id the order's id
 * @param customerId who placed it
 * @param status where the order stands: PLACED, RESERVED, CONFIRMED, CANCELLATION_REQUESTED, SHIPPED, DELIVERED,
 *     REJECTED or CANCELLED
 * @param lines what was ordered
 * @param total the order's total
 * @param shipTo where it goes
 * @param placedAt when it was placed
 * @param rejectionReason why it was rejected, if it was
 * @param cancellationReason why it was cancelled, if it was
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
record OrderResponse(
        UUID id,
        UUID customerId,
        String status,
        List<Line> lines,
        Money total,
        ShippingAddress shipTo,
        Instant placedAt,
        @Nullable String rejectionReason,
        @Nullable String cancellationReason) {

    static OrderResponse of(Order order) {
        return new OrderResponse(
                order.getId().id(),
                order.customerId().id(),
                order.status().name(),
                order.lines().stream()
                        .map(line -> new Line(
                                line.sku().value(),
                                line.productName(),
                                line.quantity(),
                                line.unitPrice(),
                                line.total()))
                        .toList(),
                order.total(),
                order.shipTo(),
                order.placedAt(),
                order.status() == OrderStatus.REJECTED ? order.reason() : null,
                order.status() == OrderStatus.CANCELLED || order.status() == OrderStatus.CANCELLATION_REQUESTED
                        ? order.reason()
                        : null);
    }

    /**
     * One line of an order.
     *
     * @param sku the product's SKU
     * @param name the product's name when the order was placed
     * @param quantity how many units
     * @param unitPrice the price of one unit
     * @param total the line's total
     */
    @Schema(name = "OrderLine")
    record Line(String sku, String name, int quantity, Money unitPrice, Money total) {}
}
