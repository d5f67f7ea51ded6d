package io.seams.shop.tracking.domain;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.orders.OrderId;
import java.util.List;
import java.util.Optional;
import org.jmolecules.ddd.annotation.Repository;

/** Every order's timeline. */
@Repository
public interface Timelines {

    /** Records the step once; a repeated report of the same step changes nothing. Whether it was new. */
    boolean record(TimelineEntry entry);

    /** The order's steps in the order they happened. */
    List<TimelineEntry> of(OrderId order);

    /** Remembers whose order it is (once). */
    void recordOwner(OrderId order, CustomerId owner);

    /** Whose order it is, once its placement was reported. */
    Optional<CustomerId> ownerOf(OrderId order);
}
