package io.seams.shop.orders;

import java.util.Objects;
import java.util.UUID;
import org.jmolecules.ddd.types.Identifier;

/**
 * Identifies an order everywhere in the shop; other modules refer to orders by this id only.
 *
 * @param id the order's UUID
 */
public record OrderId(UUID id) implements Identifier {

    public OrderId {
        Objects.requireNonNull(id, "order id must not be null");
    }

    public static OrderId random() {
        return new OrderId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
