/**
 * Payment gateway adapters. The bundled one is a simulator for development and tests ({@code
 * simulator}); a deployment taking real payments provides a {@code PaymentGateway} bean for its
 * provider, and without either Seams does not start ({@link
 * io.seams.shop.payments.gateway.PaymentGatewayRequired}).
 */
@InfrastructureRing
package io.seams.shop.payments.gateway;

import org.jmolecules.architecture.onion.simplified.InfrastructureRing;
