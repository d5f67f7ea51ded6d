/** Keeps orders in the {@code orders} schema. */
@InfrastructureRing
package io.seams.shop.orders.persistence;

import org.jmolecules.architecture.onion.simplified.InfrastructureRing;
