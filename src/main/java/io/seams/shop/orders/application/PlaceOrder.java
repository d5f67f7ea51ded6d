package io.seams.shop.orders.application;

import io.seams.shop.catalog.Sku;
import io.seams.shop.customers.CustomerId;
import io.seams.shop.platform.kernel.Fingerprints;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The request to place an order. Lines naming the same SKU are merged into one.
 *
 * @param customerId who orders
 * @param paymentToken the customer's payment method at the payment gateway
 * @param lines what to order
 */
public record PlaceOrder(CustomerId customerId, String paymentToken, List<Line> lines) {

    public PlaceOrder {
        var merged = new LinkedHashMap<Sku, Integer>();
        lines.forEach(line -> merged.merge(line.sku(), line.quantity(), Integer::sum));
        lines = merged.entrySet().stream()
                .map(entry -> new Line(entry.getKey(), entry.getValue()))
                .toList();
    }

    public Set<Sku> skus() {
        return Set.copyOf(lines.stream().map(Line::sku).toList());
    }

    /** A hash of what is asked for, whatever the order of the lines: the same request, the same fingerprint. */
    public String fingerprint() {
        var canonical = customerId + "|" + paymentToken + "|"
                + lines.stream()
                        .map(line -> line.sku() + "x" + line.quantity())
                        .sorted()
                        .collect(Collectors.joining(","));
        return Fingerprints.of(canonical);
    }

    /**
     * One SKU to order.
     *
     * @param sku the product
     * @param quantity how many units
     */
    public record Line(Sku sku, int quantity) {}
}
