package io.seams.shop.orders.domain;

import static io.seams.shop.orders.domain.OrderStatus.CANCELLATION_REQUESTED;
import static io.seams.shop.orders.domain.OrderStatus.CANCELLED;
import static io.seams.shop.orders.domain.OrderStatus.CONFIRMED;
import static io.seams.shop.orders.domain.OrderStatus.DELIVERED;
import static io.seams.shop.orders.domain.OrderStatus.PLACED;
import static io.seams.shop.orders.domain.OrderStatus.REJECTED;
import static io.seams.shop.orders.domain.OrderStatus.RESERVED;
import static io.seams.shop.orders.domain.OrderStatus.SHIPPED;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.customers.ShippingAddress;
import io.seams.shop.orders.OrderCancellationRequested;
import io.seams.shop.orders.OrderCancelled;
import io.seams.shop.orders.OrderConfirmed;
import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.OrderPlaced;
import io.seams.shop.orders.OrderRejected;
import io.seams.shop.orders.OrderReserved;
import io.seams.shop.platform.kernel.Aggregate;
import io.seams.shop.platform.kernel.Lifecycle;
import io.seams.shop.platform.kernel.Money;
import io.seams.shop.platform.kernel.Transition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An order: what a customer bought, at which prices, where it goes, and where it stands. Its
 * status changes only through the transitions below; each says from which statuses it may
 * happen, which ones mean it already happened (a repeated request changes nothing), and raises
 * the event that tells the other modules.
 */
public class Order extends Aggregate<Order, OrderId> {

    private final CustomerId customerId;
    private final List<OrderLine> lines;
    private final Money total;
    private final String paymentToken;
    private final Instant placedAt;
    private ShippingAddress shipTo;
    private final Lifecycle<OrderStatus> lifecycle;
    private @Nullable String reason;

    private Order(Snapshot state) {
        super(state.id(), state.version());
        this.customerId = Objects.requireNonNull(state.customerId());
        this.lines = List.copyOf(state.lines());
        this.paymentToken = Objects.requireNonNull(state.paymentToken());
        this.shipTo = state.shipTo();
        this.placedAt = Objects.requireNonNull(state.placedAt());
        this.lifecycle = new Lifecycle<>("Order " + state.id(), state.status());
        this.reason = state.reason();
        this.total = totalOf(this.lines);
    }

    /** Places a new order for the given lines and records {@link OrderPlaced}. */
    public static Order place(
            OrderId id,
            CustomerId customer,
            List<OrderLine> lines,
            ShippingAddress shipTo,
            String paymentToken,
            Instant now) {
        // Microseconds: what PostgreSQL keeps, so an order reads back exactly as it was placed.
        var placedAt = now.truncatedTo(ChronoUnit.MICROS);
        var order = new Order(new Snapshot(id, customer, lines, paymentToken, shipTo, placedAt, PLACED, null, 0));
        order.raise(new OrderPlaced(
                id,
                customer,
                order.lines.stream()
                        .map(line -> new OrderPlaced.Line(line.sku(), line.quantity()))
                        .toList(),
                order.total,
                placedAt));
        return order;
    }

    /** Rebuilds an order from its stored state; raises no events. */
    public static Order restore(Snapshot state) {
        return new Order(state);
    }

    /** Inventory reserved every line: the order is to be paid. */
    public Transition markReserved(Instant now) {
        return lifecycle.move(
                RESERVED,
                EnumSet.of(PLACED),
                EnumSet.of(RESERVED, CONFIRMED, SHIPPED, DELIVERED),
                () -> raise(new OrderReserved(getId(), customerId, total, paymentToken, now)));
    }

    /** Inventory could not reserve every line, for the given reason. */
    public Transition reject(String why, Instant now) {
        return lifecycle.move(REJECTED, EnumSet.of(PLACED), EnumSet.of(REJECTED), () -> {
            reason = Objects.requireNonNull(why);
            raise(new OrderRejected(getId(), customerId, why, now));
        });
    }

    /** The payment was authorised: the order is confirmed and to be shipped. */
    public Transition confirmPayment(Instant now) {
        return lifecycle.move(
                CONFIRMED,
                EnumSet.of(RESERVED),
                EnumSet.of(CONFIRMED, SHIPPED, DELIVERED),
                () -> raise(new OrderConfirmed(getId(), customerId, shipTo, now)));
    }

    /** Declines the order's payment, for the gateway's reason: the order is cancelled and its reservation given back. */
    public Transition declinePayment(String why, Instant now) {
        return lifecycle.move(CANCELLED, EnumSet.of(RESERVED), EnumSet.of(CANCELLED), () -> {
            reason = "Payment declined: " + why;
            raise(new OrderCancelled(getId(), customerId, reason, now));
        });
    }

    /**
     * Cancels the order for the customer or because it timed out. Before confirmation nothing can
     * have left the warehouse: the order is cancelled at once and compensated. Once confirmed,
     * shipping decides — the cancellation is requested, and completes when shipping has stopped
     * the shipment ({@link #completeCancellation(Instant)}). After dispatch it is refused.
     */
    public Transition cancel(String why, Instant now) {
        if (lifecycle.current() == CONFIRMED) {
            return lifecycle.move(
                    CANCELLATION_REQUESTED, EnumSet.of(CONFIRMED), EnumSet.noneOf(OrderStatus.class), () -> {
                        reason = Objects.requireNonNull(why);
                        raise(new OrderCancellationRequested(getId(), customerId, why, now));
                    });
        }
        return lifecycle.move(
                CANCELLED, EnumSet.of(PLACED, RESERVED), EnumSet.of(CANCELLATION_REQUESTED, CANCELLED), () -> {
                    reason = Objects.requireNonNull(why);
                    raise(new OrderCancelled(getId(), customerId, why, now));
                });
    }

    /** Completes a requested cancellation once shipping has stopped the shipment: the order is cancelled. */
    public Transition completeCancellation(Instant now) {
        return lifecycle.move(
                CANCELLED,
                EnumSet.of(CANCELLATION_REQUESTED),
                EnumSet.of(CANCELLED),
                () -> raise(new OrderCancelled(getId(), customerId, Objects.requireNonNull(reason), now)));
    }

    /** A carrier has the order; a cancellation requested meanwhile came too late. */
    public Transition markShipped() {
        return lifecycle.move(
                SHIPPED,
                EnumSet.of(CONFIRMED, CANCELLATION_REQUESTED),
                EnumSet.of(SHIPPED, DELIVERED),
                () -> reason = null);
    }

    /** The customer has the order. Reports may overtake each other: delivered counts even if shipped did not arrive. */
    public Transition markDelivered() {
        return lifecycle.move(
                DELIVERED,
                EnumSet.of(CONFIRMED, CANCELLATION_REQUESTED, SHIPPED),
                EnumSet.of(DELIVERED),
                () -> reason = null);
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

    public CustomerId customerId() {
        return customerId;
    }

    public List<OrderLine> lines() {
        return lines;
    }

    public Money total() {
        return total;
    }

    public OrderStatus status() {
        return lifecycle.current();
    }

    public Instant placedAt() {
        return placedAt;
    }

    public ShippingAddress shipTo() {
        return shipTo;
    }

    /** The ship-to address, the only personal data an order holds, as it may be kept. */
    public ShippingAddress shipToKept(boolean customerErased) {
        return shipTo.asKept(customerErased);
    }

    public String paymentToken() {
        return paymentToken;
    }

    /** Why the order was rejected or cancelled, if it was. */
    public @Nullable String reason() {
        return reason;
    }

    /** The order's state as stored; what {@link #restore(Snapshot)} rebuilds it from. */
    public Snapshot snapshot() {
        return new Snapshot(
                getId(), customerId, lines, paymentToken, shipTo, placedAt, lifecycle.current(), reason, version());
    }

    /**
     * An order's stored state.
     *
     * @param id the order
     * @param customerId who placed it
     * @param lines what was ordered
     * @param paymentToken the customer's payment method at the gateway
     * @param shipTo where it goes (may be anonymised)
     * @param placedAt when it was placed
     * @param status where it stands
     * @param reason why it was rejected or cancelled
     * @param version its version, for optimistic locking
     */
    public record Snapshot(
            OrderId id,
            CustomerId customerId,
            List<OrderLine> lines,
            String paymentToken,
            ShippingAddress shipTo,
            Instant placedAt,
            OrderStatus status,
            @Nullable String reason,
            long version) {}
}
