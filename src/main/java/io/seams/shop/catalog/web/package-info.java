/** The catalog's HTTP API. */
@InfrastructureRing
package io.seams.shop.catalog.web;

import org.jmolecules.architecture.onion.simplified.InfrastructureRing;
