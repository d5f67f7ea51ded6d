/** Inventory's use cases: reserving, releasing and shipping stock for orders, and showing it. */
@ApplicationRing
package io.seams.shop.inventory.application;

import org.jmolecules.architecture.onion.simplified.ApplicationRing;
