/** Keeps stock and reservations in the {@code inventory} schema. */
@InfrastructureRing
package io.seams.shop.inventory.persistence;

import org.jmolecules.architecture.onion.simplified.InfrastructureRing;
