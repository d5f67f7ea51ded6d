package io.seams.shop.platform.kernel;

import java.util.Map;
import java.util.Objects;

/**
 * Why a use case did nothing, in words a client can act on: a stable code, a title, a sentence,
 * and the facts that broke the rule. The web layer turns it into a problem detail whose status
 * follows the {@link Kind}.
 *
 * @param kind what kind of no it is
 * @param code a stable name for this kind of refusal, e.g. {@code order-not-cancellable}
 * @param title a short summary, the same for every refusal with this code
 * @param detail what happened this time
 * @param facts what broke the rule, by name (may be empty)
 */
public record Refusal(Kind kind, String code, String title, String detail, Map<String, Object> facts) {

    public Refusal {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(code);
        facts = Map.copyOf(facts);
    }

    public enum Kind {
        /** There is no such thing (or it is not the caller's to see). */
        NOT_FOUND,
        /** The thing's current state does not allow the request: a refused {@link Transition}. */
        STATE,
        /** The request itself breaks a business rule (it names what does not exist, say). */
        REQUEST
    }

    /** There is no {@code what} with this id. */
    public static Refusal notFound(String what, Object id) {
        return new Refusal(
                Kind.NOT_FOUND, "not-found", what + " not found", "No %s with id %s".formatted(what, id), Map.of());
    }

    /** The state refused a transition, for the reason it gave. */
    public static Refusal byState(String code, String title, String reason) {
        return new Refusal(Kind.STATE, code, title, reason, Map.of());
    }

    /** The request breaks a business rule. */
    public static Refusal ofRequest(String code, String title, String detail, Map<String, Object> facts) {
        return new Refusal(Kind.REQUEST, code, title, detail, facts);
    }

    /** A client's idempotency key came again with another request than the one it was first used for. */
    public static Refusal idempotencyKeyReused(String key) {
        return ofRequest(
                "idempotency-key-reused",
                "Idempotency key reused",
                "The Idempotency-Key was used before for a different request",
                Map.of("idempotencyKey", key));
    }
}
