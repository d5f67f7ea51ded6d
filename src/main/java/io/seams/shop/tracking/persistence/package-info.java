/** Keeps timelines in the {@code tracking} schema. */
@InfrastructureRing
package io.seams.shop.tracking.persistence;

import org.jmolecules.architecture.onion.simplified.InfrastructureRing;
