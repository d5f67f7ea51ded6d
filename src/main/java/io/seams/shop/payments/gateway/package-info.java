/** The bundled payment gateway adapter: a deterministic simulator. */
@InfrastructureRing
package io.seams.shop.payments.gateway;

import org.jmolecules.architecture.onion.simplified.InfrastructureRing;
