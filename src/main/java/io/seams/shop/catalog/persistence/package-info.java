/** Keeps the catalog's products in the {@code catalog} schema. */
@InfrastructureRing
package io.seams.shop.catalog.persistence;

import org.jmolecules.architecture.onion.simplified.InfrastructureRing;
