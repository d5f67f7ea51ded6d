package io.seams.shop.inventory.domain;

import io.seams.shop.catalog.Sku;
import java.util.Objects;
import org.jmolecules.ddd.types.AggregateRoot;

/** The units of one SKU: those available to order and those reserved for orders. */
public class Stock implements AggregateRoot<Stock, Sku> {

    private final Sku sku;
    private final long version;
    private int available;
    private int reserved;

    public Stock(Sku sku, int available, int reserved, long version) {
        if (available < 0 || reserved < 0) {
            throw new IllegalArgumentException("Stock of %s cannot be negative".formatted(sku));
        }
        this.sku = Objects.requireNonNull(sku);
        this.available = available;
        this.reserved = reserved;
        this.version = version;
    }

    public boolean canReserve(int quantity) {
        return quantity <= available;
    }

    /** Sets the given units aside; only called after {@link #canReserve(int)} said yes. */
    void reserve(int quantity) {
        if (!canReserve(quantity)) {
            throw new IllegalStateException(
                    "Cannot reserve %d of %s: only %d available".formatted(quantity, sku, available));
        }
        available -= quantity;
        reserved += quantity;
    }

    /** Reserved units left the warehouse: they are neither reserved nor available any more. */
    void ship(int quantity) {
        if (quantity > reserved) {
            throw new IllegalStateException(
                    "Cannot ship %d of %s: only %d reserved".formatted(quantity, sku, reserved));
        }
        reserved -= quantity;
    }

    /** Gives reserved units back to the available stock. */
    void release(int quantity) {
        if (quantity > reserved) {
            throw new IllegalStateException(
                    "Cannot release %d of %s: only %d reserved".formatted(quantity, sku, reserved));
        }
        reserved -= quantity;
        available += quantity;
    }

    @Override
    public Sku getId() {
        return sku;
    }

    public int available() {
        return available;
    }

    public int reserved() {
        return reserved;
    }

    public long version() {
        return version;
    }
}
