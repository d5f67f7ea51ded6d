/** The shipping staff's HTTP API. */
@InfrastructureRing
package io.seams.shop.shipping.web;

import org.jmolecules.architecture.onion.simplified.InfrastructureRing;
