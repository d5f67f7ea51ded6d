package io.seams.shop.platform.adapters.database;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the {@code Idempotency-Key}s of every operation that takes one are remembered.
 *
 * @param retention a key is forgotten this long after the request that first used it: a retry
 *     after that is a new request (it places an order, or registers a customer, again)
 * @param expiryInterval how often to look for keys past their retention
 */
@ConfigurationProperties("seams.idempotency-keys")
record IdempotencyKeyProperties(
        @DefaultValue("P7D") Duration retention,
        @DefaultValue("PT1H") Duration expiryInterval) {}
