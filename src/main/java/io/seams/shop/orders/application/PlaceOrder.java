package io.seams.shop.orders.application;

import io.seams.shop.catalog.Sku;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * The request to place an order. Lines naming the same SKU are merged into one.
 *
 * @param lines what to order
 */
public record PlaceOrder(List<Line> lines) {

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

    /**
     * One SKU to order.
     *
     * @param sku the product
     * @param quantity how many units
     */
    public record Line(Sku sku, int quantity) {}
}
