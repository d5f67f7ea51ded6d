/** Preparing, dispatching, delivering and cancelling shipments. */
@ApplicationRing
package io.seams.shop.shipping.application;

import org.jmolecules.architecture.onion.simplified.ApplicationRing;
