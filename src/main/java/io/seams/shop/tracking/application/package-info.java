/** Projecting events into timelines. */
@ApplicationRing
package io.seams.shop.tracking.application;

import org.jmolecules.architecture.onion.simplified.ApplicationRing;
