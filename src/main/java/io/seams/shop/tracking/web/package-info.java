/** The timeline HTTP API. */
@InfrastructureRing
package io.seams.shop.tracking.web;

import org.jmolecules.architecture.onion.simplified.InfrastructureRing;
