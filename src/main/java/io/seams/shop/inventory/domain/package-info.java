/** Stock per SKU and the reservations made against it. */
@DomainRing
package io.seams.shop.inventory.domain;

import org.jmolecules.architecture.onion.simplified.DomainRing;
