package io.seams.shop.platform.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * The domain events an aggregate has raised since it was loaded. The aggregate records them as
 * its state changes; its repository publishes them in the transaction that saves the aggregate,
 * so Spring Modulith's event publication registry stores them atomically with the change.
 */
public final class RecordedEvents {

    private final List<Object> events = new ArrayList<>();

    public void record(Object event) {
        events.add(event);
    }

    /** Returns the recorded events and forgets them, so each is published exactly once. */
    public List<Object> drain() {
        var drained = List.copyOf(events);
        events.clear();
        return drained;
    }
}
