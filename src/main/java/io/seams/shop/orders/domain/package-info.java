/** The order aggregate: lines, total, and a status that only moves along allowed transitions. */
@DomainRing
package io.seams.shop.orders.domain;

import org.jmolecules.architecture.onion.simplified.DomainRing;
