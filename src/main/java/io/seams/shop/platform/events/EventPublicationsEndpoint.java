package io.seams.shop.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * For operations (role {@code ops}): the event publications not completed yet — in flight or
 * failed, with how often they were tried — and a way to hand the failed ones to their listeners
 * again once the cause is fixed, without waiting for the scheduled resubmission.
 */
@RestController
@RequestMapping(path = "/api/operations/event-publications", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Operations", description = "Event publications not completed yet (operations role)")
@RequiredArgsConstructor
class EventPublicationsEndpoint {

    private final JdbcClient jdbc;
    private final FailedEventPublications failed;

    /**
     * One incomplete publication.
     *
     * @param id its id
     * @param event the event's type
     * @param listener the listener it is for
     * @param status PUBLISHED, PROCESSING, FAILED or RESUBMITTED
     * @param publishedAt when the event was published
     * @param attempts how often a listener tried it
     * @param lastResubmittedAt when it was last handed over again, if ever
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Publication(
            UUID id,
            String event,
            String listener,
            String status,
            Instant publishedAt,
            @Nullable Integer attempts,
            @Nullable Instant lastResubmittedAt) {}

    @GetMapping
    @Operation(
            operationId = "listIncompleteEventPublications",
            summary = "Lists the event publications not completed yet, oldest first (at most 1000)",
            description =
                    "For the operations role. The publications of this process's event publication registry: in a "
                            + "split cluster each process answers for its own. A publication is incomplete while its listener "
                            + "has not finished, and FAILED after it threw.")
    List<Publication> incomplete() {
        return jdbc.sql("""
                        SELECT id, event_type, listener_id, status, publication_date, completion_attempts,
                               last_resubmission_date
                        FROM events.event_publication WHERE completion_date IS NULL
                        ORDER BY publication_date LIMIT 1000""")
                .query((row, number) -> new Publication(
                        row.getObject("id", UUID.class),
                        row.getString("event_type"),
                        row.getString("listener_id"),
                        row.getString("status"),
                        row.getTimestamp("publication_date").toInstant(),
                        (Integer) row.getObject("completion_attempts"),
                        row.getTimestamp("last_resubmission_date") == null
                                ? null
                                : row.getTimestamp("last_resubmission_date").toInstant()))
                .list();
    }

    /** Hands every failed publication to its listener again, now. */
    @PostMapping("/resubmit")
    @Operation(
            operationId = "resubmitFailedEventPublications",
            summary = "Hands every failed event publication to its listener again, now",
            description =
                    "For the operations role. Answers how many failed publications were handed back; each runs again "
                            + "in the background, and one that fails again stays FAILED. Failed publications are also "
                            + "resubmitted on a schedule.")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Long> resubmitFailed() {
        var count = jdbc.sql("SELECT count(*) FROM events.event_publication WHERE status = 'FAILED'")
                .query(Long.class)
                .single();
        failed.resubmit(ResubmissionOptions.defaults().withMinAge(Duration.ZERO));
        return Map.of("resubmitted", count);
    }
}
