/** Keeps shipments in the {@code shipping} schema. */
@InfrastructureRing
package io.seams.shop.shipping.persistence;

import org.jmolecules.architecture.onion.simplified.InfrastructureRing;
