/**
 * Dev-only: the deterministic payment simulator, the gateway of the default profile and the tests
 * ({@code seams.payments.simulator.enabled}, false in {@code prod}).
 */
@InfrastructureRing
package io.seams.shop.payments.gateway.simulator;

import org.jmolecules.architecture.onion.simplified.InfrastructureRing;
