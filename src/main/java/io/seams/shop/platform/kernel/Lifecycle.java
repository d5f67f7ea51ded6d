package io.seams.shop.platform.kernel;

import java.util.Objects;
import java.util.Set;

/**
 * Where an aggregate stands, and the one way it moves on. Every transition of every aggregate with
 * a status says the same three things: the statuses it may start from, the ones that mean it
 * already happened (a repeated request changes nothing), and what changes when it happens. This
 * class decides between them once, so each aggregate only declares its transitions.
 *
 * @param <S> the aggregate's statuses
 */
public final class Lifecycle<S extends Enum<S>> {

    private final String subject;
    private S current;

    /**
     * @param subject what refusals name, e.g. {@code "Shipment 0f3c…"}
     * @param current where the aggregate stands now
     */
    public Lifecycle(String subject, S current) {
        this.subject = Objects.requireNonNull(subject);
        this.current = Objects.requireNonNull(current);
    }

    /** The status the aggregate has now. */
    public S current() {
        return current;
    }

    /** Whether the aggregate stands at one of the given statuses. */
    public boolean isIn(Set<S> statuses) {
        return statuses.contains(current);
    }

    /**
     * Moves to {@code target}: unchanged when the aggregate already stands at one of {@code done},
     * refused (naming where it stands) unless it stands at one of {@code from}; otherwise runs the
     * change (which records the event it causes, if any) and takes the new status.
     */
    public Transition move(S target, Set<S> from, Set<S> done, Runnable change) {
        if (done.contains(current)) {
            return Transition.unchanged();
        }
        if (!from.contains(current)) {
            return Transition.refused("%s is %s, it cannot become %s".formatted(subject, current, target));
        }
        change.run();
        current = target;
        return Transition.applied();
    }
}
