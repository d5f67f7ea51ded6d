package io.seams.shop.tracking.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;

/**
 * Orders by outcome ({@code seams.orders}) and how long the saga takes from placed to confirmed
 * ({@code seams.order.confirmation}, with a histogram for percentiles). Fed by the timeline
 * projection when it records a step for the first time, so a redelivered event counts once.
 */
class FulfilmentMetrics {

    private final MeterRegistry registry;
    private final Timer confirmation;

    FulfilmentMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.confirmation = Timer.builder("seams.order.confirmation")
                .description("From an order placed to the order confirmed (reserved and paid)")
                .publishPercentileHistogram()
                .register(registry);
        for (var outcome : new String[] {"placed", "confirmed", "rejected", "cancelled", "delivered"}) {
            outcome(outcome);
        }
    }

    void counted(String outcome) {
        outcome(outcome).increment();
    }

    void confirmedAfter(Instant placed, Instant confirmed) {
        confirmation.record(Duration.between(placed, confirmed));
    }

    private Counter outcome(String outcome) {
        return Counter.builder("seams.orders")
                .description("Orders by what became of them")
                .tag("outcome", outcome)
                .register(registry);
    }
}
