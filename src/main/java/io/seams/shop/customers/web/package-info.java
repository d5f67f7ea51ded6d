/** The customers HTTP API. */
@InfrastructureRing
package io.seams.shop.customers.web;

import org.jmolecules.architecture.onion.simplified.InfrastructureRing;
