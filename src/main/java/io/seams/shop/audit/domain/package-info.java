@DomainRing
package io.seams.shop.audit.domain;

import org.jmolecules.architecture.onion.simplified.DomainRing;
