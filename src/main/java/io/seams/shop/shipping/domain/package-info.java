/** The shipment aggregate. */
@DomainRing
package io.seams.shop.shipping.domain;

import org.jmolecules.architecture.onion.simplified.DomainRing;
