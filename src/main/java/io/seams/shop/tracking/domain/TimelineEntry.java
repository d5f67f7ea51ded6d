package io.seams.shop.tracking.domain;

import io.seams.shop.orders.OrderId;
import java.time.Instant;
import org.jmolecules.ddd.types.ValueObject;
import org.jspecify.annotations.Nullable;

/**
 * One step of an order's way, as a module reported it.
 *
 * @param orderId the order
 * @param step what happened
 * @param occurredAt when it happened
 * @param detail a word on it, if any (never personal data)
 */
public record TimelineEntry(
        OrderId orderId,
        TimelineStep step,
        Instant occurredAt,
        @Nullable String detail) implements ValueObject {

    /** The module that reported it. */
    public String module() {
        return step.module();
    }
}
