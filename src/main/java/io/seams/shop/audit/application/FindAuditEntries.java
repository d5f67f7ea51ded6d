package io.seams.shop.audit.application;

import io.seams.shop.audit.AuditEntry;
import io.seams.shop.audit.domain.AuditTrail;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/** Finds audit entries for operations, newest first, for an order or a customer if given. */
@Service
@RequiredArgsConstructor
public class FindAuditEntries {

    private final AuditTrail trail;

    public List<AuditEntry> find(Optional<UUID> orderId, Optional<UUID> customerId, int limit) {
        return trail.find(orderId, customerId, limit);
    }
}
