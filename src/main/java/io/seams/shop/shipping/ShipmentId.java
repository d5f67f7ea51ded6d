package io.seams.shop.shipping;

import java.util.Objects;
import java.util.UUID;
import org.jmolecules.ddd.types.Identifier;

/**
 * Identifies a shipment.
 *
 * @param id the shipment's UUID
 */
public record ShipmentId(UUID id) implements Identifier {

    public ShipmentId {
        Objects.requireNonNull(id, "shipment id must not be null");
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
