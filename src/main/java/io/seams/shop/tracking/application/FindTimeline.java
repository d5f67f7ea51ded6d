package io.seams.shop.tracking.application;

import io.seams.shop.orders.OrderId;
import io.seams.shop.platform.adapters.security.Caller;
import io.seams.shop.tracking.domain.TimelineEntry;
import io.seams.shop.tracking.domain.Timelines;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * Finds an order's timeline for a caller: their own order's, or any for staff. Another customer's
 * order answers as if nothing were known of it (empty).
 */
@Service
@RequiredArgsConstructor
public class FindTimeline {

    private final Timelines timelines;

    public List<TimelineEntry> of(OrderId order, Caller caller) {
        var visible = timelines
                .ownerOf(order)
                .map(owner -> caller.actsFor(owner.id()))
                .orElse(false);
        return visible ? timelines.of(order) : List.of();
    }
}
