/** The customer aggregate. */
@DomainRing
package io.seams.shop.customers.domain;

import org.jmolecules.architecture.onion.simplified.DomainRing;
