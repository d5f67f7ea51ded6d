/** The orders HTTP API. */
@InfrastructureRing
package io.seams.shop.orders.web;

import org.jmolecules.architecture.onion.simplified.InfrastructureRing;
