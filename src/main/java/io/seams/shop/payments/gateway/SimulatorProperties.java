package io.seams.shop.payments.gateway;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The payment simulator's rules.
 *
 * @param declineAbove amounts above this (in any currency) are declined
 * @param flakyFailures how many times {@code tok_flaky} fails before it succeeds
 */
@ConfigurationProperties("seams.payments.simulator")
record SimulatorProperties(
        @DefaultValue("1000.00") BigDecimal declineAbove,
        @DefaultValue("2") int flakyFailures) {}
