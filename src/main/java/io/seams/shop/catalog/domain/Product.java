package io.seams.shop.catalog.domain;

import io.seams.shop.catalog.Sku;
import io.seams.shop.platform.kernel.Money;
import java.util.Objects;
import org.jmolecules.ddd.types.AggregateRoot;

/** A product the shop sells, identified by its SKU, with its current unit price. */
public class Product implements AggregateRoot<Product, Sku> {

    private final Sku sku;
    private final String name;
    private final Money price;

    public Product(Sku sku, String name, Money price) {
        this.sku = Objects.requireNonNull(sku);
        this.name = Objects.requireNonNull(name);
        if (price.amount().signum() < 0) {
            throw new IllegalArgumentException("A price cannot be negative: " + price);
        }
        this.price = price;
    }

    @Override
    public Sku getId() {
        return sku;
    }

    public String name() {
        return name;
    }

    public Money price() {
        return price;
    }
}
