package io.seams.shop.platform.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jmolecules.ddd.types.AggregateRoot;
import org.jmolecules.ddd.types.Identifier;

/**
 * What every aggregate of Seams has the same way, written once: its identity, the version it was
 * loaded at, and the events it raised since. Its repository saves it against that version and
 * publishes the events through {@link AggregateEvents} in the same transaction, so the event
 * publication registry stores them atomically with the change.
 *
 * @param <A> the aggregate
 * @param <I> its identifier
 */
public abstract class Aggregate<A extends Aggregate<A, I>, I extends Identifier> implements AggregateRoot<A, I> {

    private final I id;
    private final long version;
    private final List<Object> events = new ArrayList<>();

    /**
     * @param id the aggregate's identity
     * @param version the version it was loaded at, 0 when new; an aggregate whose repository
     *     serialises changes with a lock rather than a version keeps 0
     */
    protected Aggregate(I id, long version) {
        this.id = Objects.requireNonNull(id);
        this.version = version;
    }

    @Override
    public final I getId() {
        return id;
    }

    /** The version this instance was loaded at; a save against a newer version fails. */
    public final long version() {
        return version;
    }

    /**
     * Returns the events raised since this instance was created, loaded or last saved, and forgets
     * them, so that each is published once. Its repository calls it through {@link AggregateEvents}.
     */
    public final List<Object> drainEvents() {
        var drained = List.copyOf(events);
        events.clear();
        return drained;
    }

    /** Records an event for the repository to publish when it saves this aggregate. */
    protected final void raise(Object event) {
        events.add(Objects.requireNonNull(event));
    }
}
