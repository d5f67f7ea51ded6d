package io.seams.shop.inventory.application;

import io.seams.shop.inventory.domain.ReservationLine;
import io.seams.shop.inventory.domain.StockReservation;
import io.seams.shop.inventory.domain.StockReservations;
import io.seams.shop.inventory.domain.Stocks;
import io.seams.shop.orders.OrderId;
import io.seams.shop.platform.kernel.Transition;
import java.time.Clock;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives back the stock reserved for a cancelled order. If the order's stock was not decided yet,
 * records that it never will be, so a late request for it reserves nothing.
 */
@Service
@RequiredArgsConstructor
class ReleaseStock {

    private final Stocks stocks;
    private final StockReservations reservations;
    private final Clock clock;

    @Transactional(propagation = Propagation.MANDATORY)
    Transition release(OrderId orderId) {
        reservations.lockOrder(orderId);
        var reservation = reservations.lockFor(orderId);
        if (reservation.isEmpty()) {
            reservations.add(StockReservation.withdrawn(orderId, clock.instant()));
            return Transition.applied();
        }
        var decided = reservation.get();
        var stock = stocks.lockAll(
                decided.lines().stream().map(ReservationLine::sku).toList());
        var transition = decided.release(stock, clock.instant());
        if (transition.changedState()) {
            stock.values().forEach(stocks::update);
            reservations.update(decided);
        }
        return transition;
    }
}
