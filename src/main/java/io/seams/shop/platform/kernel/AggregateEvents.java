package io.seams.shop.platform.kernel;

import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Publishes the events an aggregate recorded, the one way every repository does it: called when
 * the aggregate is saved, in the caller's transaction, so Spring Modulith's event publication
 * registry stores them atomically with the change, and each event once.
 */
@Component
@RequiredArgsConstructor
public class AggregateEvents {

    private final ApplicationEventPublisher publisher;

    /** Publishes the events of an aggregate its repository has just saved, and forgets them. */
    public void saved(Aggregate<?, ?> aggregate) {
        aggregate.drainEvents().forEach(publisher::publishEvent);
    }

    /**
     * Publishes the events of an aggregate stored by an update conditioned on the version it was
     * loaded at, once that update is known to have changed its one row.
     *
     * @param rows the rows the update changed
     * @throws OptimisticLockingFailureException if it changed none: another transaction changed
     *     the aggregate since it was loaded, and nothing is published
     */
    public void updated(Aggregate<?, ?> aggregate, int rows) {
        if (rows != 1) {
            throw new OptimisticLockingFailureException("%s %s was changed since version %d"
                    .formatted(aggregate.getClass().getSimpleName(), aggregate.getId(), aggregate.version()));
        }
        saved(aggregate);
    }
}
