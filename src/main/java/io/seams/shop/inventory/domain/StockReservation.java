package io.seams.shop.inventory.domain;

import io.seams.shop.catalog.Sku;
import io.seams.shop.inventory.StockReleased;
import io.seams.shop.inventory.StockReservationRejected;
import io.seams.shop.inventory.StockReserved;
import io.seams.shop.orders.OrderId;
import io.seams.shop.platform.kernel.Aggregate;
import io.seams.shop.platform.kernel.Transition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An order's claim on stock, decided once: every line reserved, or none. The decision is kept,
 * so a repeated request for the same order finds it instead of deciding again.
 */
public class StockReservation extends Aggregate<StockReservation, OrderId> {

    private final List<ReservationLine> lines;
    private ReservationStatus status;
    private final String reason;
    private final Instant decidedAt;

    private StockReservation(
            OrderId orderId, List<ReservationLine> lines, ReservationStatus status, String reason, Instant decidedAt) {
        super(orderId, 0); // serialised by a lock on its order, not by a version
        this.lines = List.copyOf(lines);
        this.status = Objects.requireNonNull(status);
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
                                stock.containsKey(line.sku())
                                        ? stock.get(line.sku()).available()
                                        : 0))
                .collect(Collectors.joining("; "));
        if (!shortages.isEmpty()) {
            var reason = "Not enough stock (" + shortages + ")";
            var rejected = new StockReservation(orderId, lines, ReservationStatus.REJECTED, reason, now);
            rejected.raise(new StockReservationRejected(orderId, reason, now));
            return rejected;
        }
        lines.forEach(line -> stock.get(line.sku()).reserve(line.quantity()));
        var reserved = new StockReservation(orderId, lines, ReservationStatus.RESERVED, null, now);
        reserved.raise(new StockReserved(orderId, now));
        return reserved;
    }

    /** Rebuilds a decided reservation from its stored state. */
    public static StockReservation restore(
            OrderId orderId, List<ReservationLine> lines, ReservationStatus status, String reason, Instant decidedAt) {
        return new StockReservation(orderId, lines, status, reason, decidedAt);
    }

    /** The order was cancelled before anything was decided: remember it, so nothing ever is. */
    public static StockReservation withdrawn(OrderId orderId, Instant now) {
        return new StockReservation(orderId, List.of(), ReservationStatus.WITHDRAWN, "Order cancelled", now);
    }

    /**
     * Gives reserved stock back, the order being cancelled, and records {@link StockReleased}. A
     * reservation that holds nothing (rejected, withdrawn, already released) changes nothing; one
     * whose units left the warehouse is refused.
     */
    public Transition release(Map<Sku, Stock> stock, Instant now) {
        if (status == ReservationStatus.SHIPPED) {
            return Transition.refused("The stock of order %s was shipped".formatted(getId()));
        }
        if (status != ReservationStatus.RESERVED) {
            return Transition.unchanged();
        }
        lines.forEach(line -> stock.get(line.sku()).release(line.quantity()));
        status = ReservationStatus.RELEASED;
        raise(new StockReleased(getId(), now));
        return Transition.applied();
    }

    /** Takes the reserved units out of the stock, the order's shipment being dispatched. Once only. */
    public Transition ship(Map<Sku, Stock> stock) {
        if (status == ReservationStatus.SHIPPED) {
            return Transition.unchanged();
        }
        if (status != ReservationStatus.RESERVED) {
            return Transition.refused("The reservation of order %s is %s".formatted(getId(), status));
        }
        lines.forEach(line -> stock.get(line.sku()).ship(line.quantity()));
        status = ReservationStatus.SHIPPED;
        return Transition.applied();
    }

    public List<ReservationLine> lines() {
        return lines;
    }

    public ReservationStatus status() {
        return status;
    }

    /** Why the reservation was rejected, if it was. */
    public String reason() {
        return reason;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
