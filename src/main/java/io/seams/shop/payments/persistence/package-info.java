/** Keeps payments in the {@code payments} schema. */
@InfrastructureRing
package io.seams.shop.payments.persistence;

import org.jmolecules.architecture.onion.simplified.InfrastructureRing;
