/** The orders use cases: placing an order, and moving it on when inventory answers. */
@ApplicationRing
package io.seams.shop.orders.application;

import org.jmolecules.architecture.onion.simplified.ApplicationRing;
