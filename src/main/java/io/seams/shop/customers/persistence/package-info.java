/** Keeps customers in the {@code customers} schema. */
@InfrastructureRing
package io.seams.shop.customers.persistence;

import org.jmolecules.architecture.onion.simplified.InfrastructureRing;
