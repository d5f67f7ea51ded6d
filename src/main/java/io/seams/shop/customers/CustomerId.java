package io.seams.shop.customers;

import java.util.Objects;
import java.util.UUID;
import org.jmolecules.ddd.types.Identifier;

/**
 * Identifies a customer everywhere in the shop.
 *
 * @param id the customer's UUID
 */
public record CustomerId(UUID id) implements Identifier {

    /** The demo shop's customer, whom orders placed without a customer id belong to. */
    public static final CustomerId DEMO = new CustomerId(UUID.fromString("c0ffee00-0000-4000-8000-000000000001"));

    public CustomerId {
        Objects.requireNonNull(id, "customer id must not be null");
    }

    public static CustomerId random() {
        return new CustomerId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
