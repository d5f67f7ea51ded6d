package io.seams.shop.platform.kernel;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes the events an aggregate recorded, the one way every repository does it: called when
 * the aggregate is saved, in the caller's transaction, so Spring Modulith's event publication
 * registry stores them atomically with the change, and each event once.
 */
@Component
public class AggregateEvents {

    private final ApplicationEventPublisher publisher;

    AggregateEvents(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    /** Publishes the recorded events and forgets them. */
    public void publish(RecordedEvents events) {
        events.drain().forEach(publisher::publishEvent);
    }
}
