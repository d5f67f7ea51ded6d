/** Telling customers what happens to their orders. */
@ApplicationRing
package io.seams.shop.notifications.application;

import org.jmolecules.architecture.onion.simplified.ApplicationRing;
