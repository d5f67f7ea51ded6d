package io.seams.shop.payments.gateway.simulator;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The payment simulator: whether it takes the payments, and its rules.
 *
 * @param enabled whether the simulator is the payment gateway: true in the default profile, false
 *     in {@code prod}, where a {@code PaymentGateway} bean for a real provider must take its place
 * @param declineAbove amounts above this (in any currency) are declined
 * @param flakyFailures how many times {@code tok_flaky} fails before it succeeds
 */
@ConfigurationProperties("seams.payments.simulator")
record SimulatorProperties(
        boolean enabled,
        @DefaultValue("1000.00") BigDecimal declineAbove,
        @DefaultValue("2") int flakyFailures) {}
