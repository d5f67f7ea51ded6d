package io.seams.shop.shipping.domain;

import java.util.UUID;
import org.jmolecules.ddd.types.Identifier;

/**
 * Identifies a shipment.
 *
 * @param id the shipment's UUID
 */
public record ShipmentId(UUID id) implements Identifier {}
