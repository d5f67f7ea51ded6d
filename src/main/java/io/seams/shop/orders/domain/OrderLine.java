package io.seams.shop.orders.domain;

import io.seams.shop.catalog.Sku;
import io.seams.shop.platform.kernel.Money;
import java.util.Objects;
import org.jmolecules.ddd.types.ValueObject;

/**
 * One SKU of an order at the price it was ordered for.
 *
 * @param sku the product
 * @param productName the product's name when the order was placed
 * @param quantity how many units, at least one
 * @param unitPrice the price of one unit when the order was placed
 */
public record OrderLine(Sku sku, String productName, int quantity, Money unitPrice) implements ValueObject {

    public OrderLine {
        Objects.requireNonNull(sku, "sku must not be null");
        Objects.requireNonNull(productName, "product name must not be null");
        Objects.requireNonNull(unitPrice, "unit price must not be null");
        if (quantity < 1) {
            throw new IllegalArgumentException("An order line needs a quantity of at least 1, got " + quantity);
        }
    }

    public Money total() {
        return unitPrice.times(quantity);
    }
}
