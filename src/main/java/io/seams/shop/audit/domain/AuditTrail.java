package io.seams.shop.audit.domain;

import io.seams.shop.audit.AuditEntry;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jmolecules.ddd.annotation.Repository;

/** The audit trail: entries are appended, never changed or removed. */
@Repository
public interface AuditTrail {

    void append(AuditEntry entry);

    /**
     * Appends the entry for something an event reported, once: the same event handed over again
     * (a redelivery, a resubmission) finds its key and adds nothing.
     */
    void appendOnce(String eventKey, AuditEntry entry);

    /** The newest entries first, at most {@code limit}, for an order or a customer if given. */
    List<AuditEntry> find(Optional<UUID> orderId, Optional<UUID> customerId, int limit);
}
