package io.seams.shop.audit.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.seams.shop.audit.AuditEntry;
import io.seams.shop.audit.application.FindAuditEntries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail, for operations: read only — there is no endpoint that changes it. */
@RestController
@RequestMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit", description = "Who did what, when (operations role)")
@RequiredArgsConstructor
class AuditController {

    private final FindAuditEntries trail;

    @GetMapping
    @Operation(
            operationId = "listAuditEntries",
            summary = "Lists audit entries, newest first, for an order or a customer if given",
            description =
                    "For the operations role. Every request that asked the API to change something, and what modules "
                            + "did on their own (a payment refunded). Filter by orderId or customerId; limit is 1 to 1000, 100 "
                            + "if left out.")
    List<Entry> entries(
            @RequestParam Optional<UUID> orderId,
            @RequestParam Optional<UUID> customerId,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return trail.find(orderId, customerId, limit).stream().map(Entry::of).toList();
    }

    /**
     * An audit entry as the API shows it: what it does not have is left out.
     *
     * @param at when it happened
     * @param actor who did it: the token's subject, {@code anonymous}, or the module that acted on its own
     * @param action what was asked, e.g. {@code POST /api/orders/{id}/cancel} or {@code payment refunded}
     * @param outcome how it ended: the HTTP status, or {@code done}
     * @param orderId the order it concerned, if any
     * @param customerId the customer it concerned, if any
     * @param detail a word on it, if any
     */
    @Schema(name = "AuditEntry")
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Entry(
            Instant at,
            String actor,
            String action,
            String outcome,
            @Nullable UUID orderId,
            @Nullable UUID customerId,
            @Nullable String detail) {

        static Entry of(AuditEntry entry) {
            return new Entry(
                    entry.at(),
                    entry.actor(),
                    entry.action(),
                    entry.outcome(),
                    entry.orderId().orElse(null),
                    entry.customerId().orElse(null),
                    entry.detail());
        }
    }
}
