package io.seams.shop.audit.web;

import io.seams.shop.audit.AuditEntry;
import io.seams.shop.audit.application.FindAuditEntries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail, for operations: read only — there is no endpoint that changes it. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "Who did what, when (operations role)")
class AuditController {

    private final FindAuditEntries trail;

    AuditController(FindAuditEntries trail) {
        this.trail = trail;
    }

    @GetMapping
    @Operation(
            operationId = "listAuditEntries",
            summary = "Lists audit entries, newest first, for an order or a customer if given")
    List<AuditEntry> entries(
            @RequestParam Optional<UUID> orderId,
            @RequestParam Optional<UUID> customerId,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return trail.find(orderId, customerId, limit);
    }
}
