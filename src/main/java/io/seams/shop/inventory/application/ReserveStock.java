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
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves stock for an order, all lines or none, exactly once per order. It takes the order's lock
 * first, so a reservation and its cancellation take turns; the stock rows are then locked in SKU
 * order, so concurrent reservations of different orders cannot deadlock.
 */
@Service
@RequiredArgsConstructor
class ReserveStock {

    private final Stocks stocks;
    private final StockReservations reservations;
    private final Clock clock;

    /** Decides the order's reservation, or returns empty when it was decided before. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<StockReservation> reserve(OrderId orderId, List<ReservationLine> lines) {
        reservations.lockOrder(orderId);
        var stock = stocks.lockAll(lines.stream().map(ReservationLine::sku).toList());
        if (reservations.existsFor(orderId)) {
            return Optional.empty();
        }
        var reservation = StockReservation.decide(orderId, lines, stock, clock.instant());
        if (reservation.status() == ReservationStatus.RESERVED) {
            stock.values().forEach(stocks::update);
        }
        reservations.add(reservation);
        return Optional.of(reservation);
    }
}
