package io.seams.shop.inventory.domain;

import io.seams.shop.catalog.Sku;
import io.seams.shop.inventory.StockReleased;
import io.seams.shop.inventory.StockReservationRejected;
import io.seams.shop.inventory.StockReserved;
import io.seams.shop.orders.OrderId;
import io.seams.shop.platform.kernel.RecordedEvents;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jmolecules.ddd.types.AggregateRoot;

/**
 * An order's claim on stock, decided once: every line reserved, or none. The decision is kept,
 * so a repeated request for the same order finds it instead of deciding again.
 */
public class StockReservation implements AggregateRoot<StockReservation, OrderId> {

    private final OrderId orderId;
    private final List<ReservationLine> lines;
    private ReservationStatus status;
    private final String reason;
    private final Instant decidedAt;
    private final RecordedEvents events = new RecordedEvents();

    private StockReservation(
            OrderId orderId, List<ReservationLine> lines, ReservationStatus status, String reason, Instant decidedAt) {
        this.orderId = Objects.requireNonNull(orderId);
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
            rejected.events.record(new StockReservationRejected(orderId, reason, now));
            return rejected;
        }
        lines.forEach(line -> stock.get(line.sku()).reserve(line.quantity()));
        var reserved = new StockReservation(orderId, lines, ReservationStatus.RESERVED, null, now);
        reserved.events.record(new StockReserved(orderId, now));
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
     * The order was cancelled: gives reserved stock back and records {@link StockReleased}. A
     * reservation that holds nothing (rejected, already released) changes nothing.
     */
    public boolean release(Map<Sku, Stock> stock, Instant now) {
        if (status != ReservationStatus.RESERVED) {
            return false;
        }
        lines.forEach(line -> stock.get(line.sku()).release(line.quantity()));
        status = ReservationStatus.RELEASED;
        events.record(new StockReleased(orderId, now));
        return true;
    }

    /** The order's shipment was dispatched: its reserved units leave the stock. Once only. */
    public boolean ship(Map<Sku, Stock> stock) {
        if (status != ReservationStatus.RESERVED) {
            return false;
        }
        lines.forEach(line -> stock.get(line.sku()).ship(line.quantity()));
        status = ReservationStatus.SHIPPED;
        return true;
    }

    @Override
    public OrderId getId() {
        return orderId;
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

    public RecordedEvents events() {
        return events;
    }
}
