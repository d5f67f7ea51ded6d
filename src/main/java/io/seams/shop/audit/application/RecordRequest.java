package io.seams.shop.audit.application;

import io.seams.shop.audit.AuditEntry;
import io.seams.shop.audit.domain.AuditTrail;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/** Records a change the API was asked for, with how it ended, in the audit trail. */
@Service
@RequiredArgsConstructor
public class RecordRequest {

    private final AuditTrail trail;
    private final Clock clock;

    public void record(String actor, String action, int status, Optional<UUID> orderId, Optional<UUID> customerId) {
        trail.append(new AuditEntry(clock.instant(), actor, action, String.valueOf(status), orderId, customerId, null));
    }
}
