package io.seams.shop.orders.domain;

import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.OrderPlaced;
import io.seams.shop.platform.Money;
import io.seams.shop.platform.RecordedEvents;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.jmolecules.ddd.types.AggregateRoot;

/**
 * An order: what a customer bought, at which prices, and where it stands. Its status changes
 * only through the transitions below, each of which guards its own precondition.
 */
public class Order implements AggregateRoot<Order, OrderId> {

    private final OrderId id;
    private final List<OrderLine> lines;
    private final Money total;
    private final Instant placedAt;
    private final long version;
    private OrderStatus status;
    private String rejectionReason;
    private final RecordedEvents events = new RecordedEvents();

    private Order(
            OrderId id,
            List<OrderLine> lines,
            Instant placedAt,
            OrderStatus status,
            String rejectionReason,
            long version) {
        this.id = Objects.requireNonNull(id);
        this.lines = List.copyOf(lines);
        this.placedAt = Objects.requireNonNull(placedAt);
        this.status = Objects.requireNonNull(status);
        this.rejectionReason = rejectionReason;
        this.version = version;
        this.total = totalOf(this.lines);
    }

    /** Places a new order for the given lines and records {@link OrderPlaced}. */
    public static Order place(OrderId id, List<OrderLine> lines, Instant now) {
        // Microseconds: what PostgreSQL keeps, so an order reads back exactly as it was placed.
        var placedAt = now.truncatedTo(ChronoUnit.MICROS);
        var order = new Order(id, lines, placedAt, OrderStatus.PLACED, null, 0);
        order.events.record(new OrderPlaced(
                id,
                order.lines.stream()
                        .map(line -> new OrderPlaced.Line(line.sku(), line.quantity()))
                        .toList(),
                order.total,
                placedAt));
        return order;
    }

    /** Rebuilds an order from its stored state; raises no events. */
    public static Order restore(
            OrderId id,
            List<OrderLine> lines,
            Instant placedAt,
            OrderStatus status,
            String rejectionReason,
            long version) {
        return new Order(id, lines, placedAt, status, rejectionReason, version);
    }

    /** Inventory reserved every line. */
    public Transition markReserved() {
        return switch (status) {
            case PLACED -> {
                status = OrderStatus.RESERVED;
                yield Transition.applied();
            }
            case RESERVED -> Transition.unchanged();
            case REJECTED -> Transition.refused("order %s was rejected, it cannot be reserved".formatted(id));
        };
    }

    /** Inventory could not reserve every line, for the given reason. */
    public Transition reject(String reason) {
        return switch (status) {
            case PLACED -> {
                status = OrderStatus.REJECTED;
                rejectionReason = Objects.requireNonNull(reason);
                yield Transition.applied();
            }
            case REJECTED -> Transition.unchanged();
            case RESERVED -> Transition.refused("order %s is reserved, it cannot be rejected".formatted(id));
        };
    }

    private static Money totalOf(List<OrderLine> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("An order needs at least one line");
        }
        if (lines.stream().map(OrderLine::sku).distinct().count() != lines.size()) {
            throw new IllegalArgumentException("An order has one line per SKU");
        }
        return lines.stream().map(OrderLine::total).reduce(Money::plus).orElseThrow();
    }

    @Override
    public OrderId getId() {
        return id;
    }

    public List<OrderLine> lines() {
        return lines;
    }

    public Money total() {
        return total;
    }

    public OrderStatus status() {
        return status;
    }

    public Instant placedAt() {
        return placedAt;
    }

    /** Why inventory rejected the order, if it did. */
    public String rejectionReason() {
        return rejectionReason;
    }

    /** The version this instance was loaded at; a save against a newer version fails. */
    public long version() {
        return version;
    }

    /** The events raised since this instance was created or loaded; drained by the repository. */
    public RecordedEvents events() {
        return events;
    }
}
