package io.seams.shop.catalog.domain;

import io.seams.shop.catalog.Sku;
import io.seams.shop.platform.kernel.Money;
import java.util.Objects;
import org.jmolecules.ddd.types.AggregateRoot;

/**
 * A product the shop sells, identified by its SKU, with its current unit price. The catalog
 * replaces a product rather than changing it, so it is a record.
 *
 * @param sku what identifies it
 * @param name what it is called
 * @param price its unit price, never negative
 */
public record Product(Sku sku, String name, Money price) implements AggregateRoot<Product, Sku> {

    public Product {
        Objects.requireNonNull(sku);
        Objects.requireNonNull(name);
        if (price.amount().signum() < 0) {
            throw new IllegalArgumentException("A price cannot be negative: " + price);
        }
    }

    @Override
    public Sku getId() {
        return sku;
    }
}
