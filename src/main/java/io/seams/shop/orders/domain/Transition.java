package io.seams.shop.orders.domain;

/**
 * What asking an order to change its status did. A refused transition is an answer with a
 * reason, not an exception: a late or repeated event must not crash its listener.
 *
 * @param outcome whether the status changed
 * @param reason why it did not change, for {@link Outcome#REFUSED}
 */
public record Transition(Outcome outcome, String reason) {

    public enum Outcome {
        /** The order moved to the requested status. */
        APPLIED,
        /** The order already was in the requested status: a repeated request changes nothing. */
        UNCHANGED,
        /** The order's current status does not allow the requested one. */
        REFUSED
    }

    static Transition applied() {
        return new Transition(Outcome.APPLIED, null);
    }

    static Transition unchanged() {
        return new Transition(Outcome.UNCHANGED, null);
    }

    static Transition refused(String reason) {
        return new Transition(Outcome.REFUSED, reason);
    }

    public boolean changedState() {
        return outcome == Outcome.APPLIED;
    }
}
