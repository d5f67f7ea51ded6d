/** Timeline entries and where they are kept. */
@DomainRing
package io.seams.shop.tracking.domain;

import org.jmolecules.architecture.onion.simplified.DomainRing;
