package io.seams.shop.audit.application;

import io.seams.shop.audit.AuditEntry;
import io.seams.shop.audit.domain.AuditTrail;
import io.seams.shop.orders.OrderCancelled;
import io.seams.shop.payments.PaymentRefunded;
import io.seams.shop.platform.adapters.security.AccessRefused;
import java.time.Clock;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Writes into the audit trail what it hears: requests refused for want of a valid token or role,
 * failed sign-ins, and what the modules did on their own. What callers asked the API to change is
 * recorded by {@link RecordRequest}.
 */
@Component
@RequiredArgsConstructor
class AuditRecorder {

    private final AuditTrail trail;
    private final Clock clock;

    @EventListener
    void on(AccessRefused refused) {
        trail.append(new AuditEntry(
                clock.instant(),
                refused.actor(),
                refused.method() + " " + refused.path(),
                String.valueOf(refused.status()),
                Optional.empty(),
                Optional.empty(),
                refused.status() == 401 ? "no valid token" : "role does not allow it"));
    }

    /** A failed sign-in: wrong client secret at the token endpoint, say. The attempted name, never the secret. */
    @EventListener
    void on(AbstractAuthenticationFailureEvent failure) {
        if (failure.getAuthentication() instanceof BearerTokenAuthenticationToken) {
            // Its "name" is the token itself: never recorded. The refusal is, as AccessRefused.
            return;
        }
        trail.append(new AuditEntry(
                clock.instant(),
                String.valueOf(failure.getAuthentication().getName()),
                "sign-in",
                "failed",
                Optional.empty(),
                Optional.empty(),
                failure.getException().getClass().getSimpleName()));
    }

    @ApplicationModuleListener
    void on(PaymentRefunded refunded) {
        trail.appendOnce(
                "payment refunded " + refunded.orderId(),
                new AuditEntry(
                        clock.instant(),
                        "payments",
                        "payment refunded",
                        "done",
                        Optional.of(refunded.orderId().id()),
                        Optional.empty(),
                        null));
    }

    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        trail.appendOnce(
                "order cancelled " + cancelled.orderId(),
                new AuditEntry(
                        clock.instant(),
                        "orders",
                        "order cancelled",
                        "done",
                        Optional.of(cancelled.orderId().id()),
                        Optional.of(cancelled.customerId().id()),
                        cancelled.reason()));
    }
}
