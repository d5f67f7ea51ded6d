package io.seams.shop.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the event publication registry holds, as gauges read at each scrape: incomplete and failed
 * publications, and the age of the oldest incomplete one — the signal that work is stuck.
 */
@Component
@RequiredArgsConstructor
class EventPublicationMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("seams.events.publications", () -> count("completion_date IS NULL"))
                .tag("state", "incomplete")
                .description("Event publications not completed yet")
                .register(registry);
        Gauge.builder("seams.events.publications", () -> count("status = 'FAILED'"))
                .tag("state", "failed")
                .description("Event publications whose listener failed, waiting for resubmission")
                .register(registry);
        Gauge.builder("seams.events.oldest.incomplete.age", this::oldestAge)
                .baseUnit("seconds")
                .description("Age of the oldest incomplete event publication (0 when none)")
                .register(registry);
    }

    private double count(String condition) {
        return jdbc.sql("SELECT count(*) FROM events.event_publication WHERE " + condition)
                .query(Long.class)
                .single();
    }

    private double oldestAge() {
        return jdbc.sql("""
                        SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(publication_date)), 0)
                        FROM events.event_publication WHERE completion_date IS NULL""").query(Double.class).single();
    }
}
