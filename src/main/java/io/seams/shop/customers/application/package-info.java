/** The customers use cases behind its API and HTTP endpoints. */
@ApplicationRing
package io.seams.shop.customers.application;

import org.jmolecules.architecture.onion.simplified.ApplicationRing;
