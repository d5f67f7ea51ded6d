/** Inventory's use cases: reserving stock for placed orders. */
@ApplicationRing
package io.seams.shop.inventory.application;

import org.jmolecules.architecture.onion.simplified.ApplicationRing;
