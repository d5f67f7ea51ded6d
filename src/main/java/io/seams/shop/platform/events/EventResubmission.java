package io.seams.shop.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands failed event publications to their listeners again, so accepted work is delayed by a
 * failure, never dropped. A publication fails when its listener throws, or when Spring
 * Modulith's staleness monitor finds it stuck (its process crashed mid-way).
 *
 * <p>Unlike "republish outstanding events on restart", this is safe with several instances on
 * one database: a PostgreSQL advisory lock lets one instance at a time resubmit, and every
 * listener is idempotent, so a publication handled twice changes nothing.
 */
@Component
class EventResubmission {

    /** Arbitrary but fixed: identifies this job's advisory lock among the database's locks. */
    static final long LOCK_KEY = 0x5EA45_0001L;

    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

    private final FailedEventPublications failed;
    private final EventResubmissionProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Counter ran;
    private final Counter skipped;

    EventResubmission(
            FailedEventPublications failed,
            EventResubmissionProperties properties,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            MeterRegistry meters) {
        this.failed = failed;
        this.properties = properties;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.ran = resubmissions(meters, "ran");
        this.skipped = resubmissions(meters, "skipped");
    }

    private static Counter resubmissions(MeterRegistry meters, String outcome) {
        return Counter.builder("seams.events.resubmissions")
                .description(
                        "Scheduled resubmission rounds: ran here, or skipped because another instance held the lock")
                .tag("outcome", outcome)
                .register(meters);
    }

    @Scheduled(
            initialDelayString = "${seams.events.resubmission.interval:PT30S}",
            fixedDelayString = "${seams.events.resubmission.interval:PT30S}")
    void resubmitFailedPublications() {
        transactions.executeWithoutResult(status -> {
            boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(?)")
                    .param(LOCK_KEY)
                    .query(Boolean.class)
                    .single();
            if (!locked) {
                log.debug("Another instance is resubmitting failed event publications");
                skipped.increment();
                return;
            }
            ran.increment();
            failed.resubmit(ResubmissionOptions.defaults()
                    .withMinAge(properties.minAge())
                    .withMaxInFlight(properties.maxInFlight()));
        });
    }
}
