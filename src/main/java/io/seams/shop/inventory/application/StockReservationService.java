package io.seams.shop.inventory.application;

import io.seams.shop.inventory.domain.ReservationLine;
import io.seams.shop.inventory.domain.ReservationStatus;
import io.seams.shop.inventory.domain.StockReservation;
import io.seams.shop.inventory.domain.StockReservations;
import io.seams.shop.inventory.domain.Stocks;
import io.seams.shop.orders.OrderId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves stock for an order, all lines or none, exactly once per order, and releases or ships
 * it later. Everything done for one order takes that order's lock first, so a reservation and
 * its cancellation take turns; the stock rows are then locked in SKU order, so concurrent
 * reservations of different orders cannot deadlock.
 */
@Service
class StockReservationService {

    private final Stocks stocks;
    private final StockReservations reservations;
    private final Clock clock;

    StockReservationService(Stocks stocks, StockReservations reservations, Clock clock) {
        this.stocks = stocks;
        this.reservations = reservations;
        this.clock = clock;
    }

    /**
     * Decides the order's reservation, or returns empty when it was decided before.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<StockReservation> reserve(OrderId orderId, List<ReservationLine> lines) {
        reservations.lockOrder(orderId);
        var stock = stocks.lockAll(lines.stream().map(ReservationLine::sku).toList());
        if (reservations.existsFor(orderId)) {
            return Optional.empty();
        }
        var reservation = StockReservation.decide(orderId, lines, stock, clock.instant());
        if (reservation.status() == ReservationStatus.RESERVED) {
            lines.forEach(line -> stocks.update(stock.get(line.sku())));
        }
        reservations.add(reservation);
        return Optional.of(reservation);
    }

    /** Takes the units of a dispatched order out of the stock they were reserved in. */
    @Transactional(propagation = Propagation.MANDATORY)
    void ship(OrderId orderId) {
        reservations.lockOrder(orderId);
        reservations.lockFor(orderId).ifPresent(reservation -> {
            var stock = stocks.lockAll(
                    reservation.lines().stream().map(ReservationLine::sku).toList());
            if (reservation.ship(stock)) {
                reservation.lines().forEach(line -> stocks.update(stock.get(line.sku())));
                reservations.update(reservation);
            }
        });
    }

    /**
     * Gives back the stock reserved for a cancelled order. If the order's stock was not decided
     * yet, records that it never will be, so a late request for it reserves nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void release(OrderId orderId) {
        reservations.lockOrder(orderId);
        var reservation = reservations.lockFor(orderId);
        if (reservation.isEmpty()) {
            reservations.add(StockReservation.withdrawn(orderId, clock.instant()));
            return;
        }
        var decided = reservation.get();
        var stock = stocks.lockAll(
                decided.lines().stream().map(ReservationLine::sku).toList());
        if (decided.release(stock, clock.instant())) {
            decided.lines().forEach(line -> stocks.update(stock.get(line.sku())));
            reservations.update(decided);
        }
    }
}
