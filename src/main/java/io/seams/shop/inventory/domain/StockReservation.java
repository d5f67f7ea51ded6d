package io.seams.shop.inventory.domain;

import static io.seams.shop.inventory.domain.ReservationStatus.REJECTED;
import static io.seams.shop.inventory.domain.ReservationStatus.RELEASED;
import static io.seams.shop.inventory.domain.ReservationStatus.RESERVED;
import static io.seams.shop.inventory.domain.ReservationStatus.SHIPPED;
import static io.seams.shop.inventory.domain.ReservationStatus.WITHDRAWN;

import io.seams.shop.catalog.Sku;
import io.seams.shop.inventory.StockReleased;
import io.seams.shop.inventory.StockReservationRejected;
import io.seams.shop.inventory.StockReserved;
import io.seams.shop.orders.OrderId;
import io.seams.shop.platform.kernel.Aggregate;
import io.seams.shop.platform.kernel.Lifecycle;
import io.seams.shop.platform.kernel.Transition;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * An order's claim on stock, decided once: every line reserved, or none. The decision is kept,
 * so a repeated request for the same order finds it instead of deciding again.
 */
public class StockReservation extends Aggregate<StockReservation, OrderId> {

    private final List<ReservationLine> lines;
    private final Lifecycle<ReservationStatus> lifecycle;
    private final @Nullable String reason;
    private final Instant decidedAt;

    private StockReservation(
            OrderId orderId,
            List<ReservationLine> lines,
            ReservationStatus status,
            @Nullable String reason,
            Instant decidedAt) {
        super(orderId, 0); // serialised by a lock on its order, not by a version
        this.lines = List.copyOf(lines);
        this.lifecycle = new Lifecycle<>("The reservation of order " + orderId, status);
        this.reason = reason;
        this.decidedAt = Objects.requireNonNull(decidedAt);
    }

    /**
     * Reserves every line against the given stock, or none of them. Lines whose SKU has no stock
     * at all count as short. Changes the given stock only when every line fits.
     */
    public static StockReservation decide(
            OrderId orderId, List<ReservationLine> lines, Map<Sku, Stock> stock, Instant now) {
        var shortages = lines.stream()
                .filter(line ->
                        !stock.containsKey(line.sku()) || !stock.get(line.sku()).canReserve(line.quantity()))
                .map(line -> "%s: %d requested, %d available"
                        .formatted(
                                line.sku(),
                                line.quantity(),
                                stock.containsKey(line.sku()) ? of(stock, line).available() : 0))
                .collect(Collectors.joining("; "));
        if (!shortages.isEmpty()) {
            var reason = "Not enough stock (" + shortages + ")";
            var rejected = new StockReservation(orderId, lines, REJECTED, reason, now);
            rejected.raise(new StockReservationRejected(orderId, reason, now));
            return rejected;
        }
        lines.forEach(line -> of(stock, line).reserve(line.quantity()));
        var reserved = new StockReservation(orderId, lines, RESERVED, null, now);
        reserved.raise(new StockReserved(orderId, now));
        return reserved;
    }

    /** Rebuilds a decided reservation from its stored state. */
    public static StockReservation restore(
            OrderId orderId,
            List<ReservationLine> lines,
            ReservationStatus status,
            @Nullable String reason,
            Instant decidedAt) {
        return new StockReservation(orderId, lines, status, reason, decidedAt);
    }

    /** The order was cancelled before anything was decided: remember it, so nothing ever is. */
    public static StockReservation withdrawn(OrderId orderId, Instant now) {
        return new StockReservation(orderId, List.of(), WITHDRAWN, "Order cancelled", now);
    }

    /**
     * Gives reserved stock back, the order being cancelled, and records {@link StockReleased}. A
     * reservation that holds nothing (rejected, withdrawn, already released) changes nothing; one
     * whose units left the warehouse is refused.
     */
    public Transition release(Map<Sku, Stock> stock, Instant now) {
        return lifecycle.move(
                RELEASED, EnumSet.of(RESERVED), EnumSet.complementOf(EnumSet.of(RESERVED, SHIPPED)), () -> {
                    lines.forEach(line -> of(stock, line).release(line.quantity()));
                    raise(new StockReleased(getId(), now));
                });
    }

    /** Takes the reserved units out of the stock, the order's shipment being dispatched. Once only. */
    public Transition ship(Map<Sku, Stock> stock) {
        return lifecycle.move(
                SHIPPED,
                EnumSet.of(RESERVED),
                EnumSet.of(SHIPPED),
                () -> lines.forEach(line -> of(stock, line).ship(line.quantity())));
    }

    /** The stock a line of this reservation draws on; the caller locked it with the reservation. */
    private static Stock of(Map<Sku, Stock> stock, ReservationLine line) {
        var item = stock.get(line.sku());
        if (item == null) {
            throw new IllegalStateException("No stock of " + line.sku() + " was locked for the reservation");
        }
        return item;
    }

    public List<ReservationLine> lines() {
        return lines;
    }

    public ReservationStatus status() {
        return lifecycle.current();
    }

    /** Why the reservation was rejected, if it was. */
    public @Nullable String reason() {
        return reason;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
