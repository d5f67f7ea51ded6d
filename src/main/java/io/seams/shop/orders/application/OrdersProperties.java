package io.seams.shop.orders.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long an order may wait for its stock and payment.
 *
 * @param confirmationTimeout an order not confirmed this long after it was placed is cancelled
 * @param timeoutCheckInterval how often to look for such orders
 */
@ConfigurationProperties("seams.orders")
record OrdersProperties(
        @DefaultValue("PT15M") Duration confirmationTimeout,
        @DefaultValue("PT30S") Duration timeoutCheckInterval) {}
