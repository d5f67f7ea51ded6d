/** The catalog's domain model: products and the repository that keeps them. */
@DomainRing
package io.seams.shop.catalog.domain;

import org.jmolecules.architecture.onion.simplified.DomainRing;
