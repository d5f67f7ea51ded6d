/** The catalog's use cases, behind its API. */
@ApplicationRing
package io.seams.shop.catalog.application;

import org.jmolecules.architecture.onion.simplified.ApplicationRing;
