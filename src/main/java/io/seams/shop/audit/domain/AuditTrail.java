package io.seams.shop.audit.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jmolecules.ddd.annotation.Repository;

/** The audit trail: entries are appended, never changed or removed. */
@Repository
public interface AuditTrail {

    void append(AuditEntry entry);

    /** The newest entries first, at most {@code limit}, for an order or a customer if given. */
    List<AuditEntry> find(Optional<UUID> orderId, Optional<UUID> customerId, int limit);
}
