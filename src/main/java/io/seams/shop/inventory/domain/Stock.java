package io.seams.shop.inventory.domain;

import io.seams.shop.catalog.Sku;
import io.seams.shop.platform.kernel.Aggregate;

/** The units of one SKU: those available to order and those reserved for orders. */
public class Stock extends Aggregate<Stock, Sku> {

    private int available;
    private int reserved;

    public Stock(Sku sku, int available, int reserved, long version) {
        super(sku, version);
        if (available < 0 || reserved < 0) {
            throw new IllegalArgumentException("Stock of %s cannot be negative".formatted(sku));
        }
        this.available = available;
        this.reserved = reserved;
    }

    public boolean canReserve(int quantity) {
        return quantity <= available;
    }

    /** Sets the given units aside; only called after {@link #canReserve(int)} said yes. */
    void reserve(int quantity) {
        if (!canReserve(quantity)) {
            throw new IllegalStateException(
                    "Cannot reserve %d of %s: only %d available".formatted(quantity, getId(), available));
        }
        available -= quantity;
        reserved += quantity;
    }

    /** Reserved units left the warehouse: they are neither reserved nor available any more. */
    void ship(int quantity) {
        if (quantity > reserved) {
            throw new IllegalStateException(
                    "Cannot ship %d of %s: only %d reserved".formatted(quantity, getId(), reserved));
        }
        reserved -= quantity;
    }

    /** Gives reserved units back to the available stock. */
    void release(int quantity) {
        if (quantity > reserved) {
            throw new IllegalStateException(
                    "Cannot release %d of %s: only %d reserved".formatted(quantity, getId(), reserved));
        }
        reserved -= quantity;
        available += quantity;
    }

    public int available() {
        return available;
    }

    public int reserved() {
        return reserved;
    }
}
