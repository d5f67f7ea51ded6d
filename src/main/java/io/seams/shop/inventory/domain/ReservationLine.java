package io.seams.shop.inventory.domain;

import io.seams.shop.catalog.Sku;
import java.util.Objects;
import org.jmolecules.ddd.types.ValueObject;

/**
 * Units of one SKU an order asks for.
 *
 * @param sku the product
 * @param quantity how many units, at least one
 */
public record ReservationLine(Sku sku, int quantity) implements ValueObject {

    public ReservationLine {
        Objects.requireNonNull(sku);
        if (quantity < 1) {
            throw new IllegalArgumentException("A reservation line needs at least one unit, got " + quantity);
        }
    }
}
