/** Inventory's HTTP API. */
@InfrastructureRing
package io.seams.shop.inventory.web;

import org.jmolecules.architecture.onion.simplified.InfrastructureRing;
