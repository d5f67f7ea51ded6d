package io.seams.shop.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jmolecules.ddd.annotation.ValueObject;
import org.jspecify.annotations.Nullable;

/**
 * One action in the audit trail.
 *
 * @param at when it happened
 * @param actor who did it: the token's subject, {@code anonymous}, or the module that acted on its own
 * @param action what was asked, e.g. {@code POST /api/orders/{id}/cancel} or {@code payment refunded}
 * @param outcome how it ended: the HTTP status, or {@code done}
 * @param orderId the order it concerned, if any
 * @param customerId the customer it concerned, if any
 * @param detail a word on it, if any (never personal data, card data or credentials)
 */
@ValueObject
public record AuditEntry(
        Instant at,
        String actor,
        String action,
        String outcome,
        Optional<UUID> orderId,
        Optional<UUID> customerId,
        @Nullable String detail) {}
