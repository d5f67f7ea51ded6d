package io.seams.shop.platform.kernel;

import org.jspecify.annotations.Nullable;

/**
 * What asking an aggregate to change did: every aggregate transition in every module answers with
 * one. A refused transition is an answer with a reason, not an exception: a late or repeated event
 * must not crash its listener, and a refused request is a domain outcome the API turns into a
 * problem detail.
 *
 * @param outcome whether the state changed
 * @param reason why it did not change, for {@link Outcome#REFUSED}
 */
public record Transition(Outcome outcome, @Nullable String reason) {

    public enum Outcome {
        /** The aggregate moved to the requested state and recorded the event it causes. */
        APPLIED,
        /** The requested effect already held: a repeated request changes nothing. */
        UNCHANGED,
        /** The aggregate's current state does not allow the request. */
        REFUSED
    }

    public static Transition applied() {
        return new Transition(Outcome.APPLIED, null);
    }

    public static Transition unchanged() {
        return new Transition(Outcome.UNCHANGED, null);
    }

    public static Transition refused(String reason) {
        return new Transition(Outcome.REFUSED, java.util.Objects.requireNonNull(reason));
    }

    /** Whether the aggregate changed, so it has to be saved (and its events published). */
    public boolean changedState() {
        return outcome == Outcome.APPLIED;
    }

    public boolean isRefused() {
        return outcome == Outcome.REFUSED;
    }
}
