package io.seams.shop.inventory.application;

import io.seams.shop.inventory.domain.ReservationLine;
import io.seams.shop.inventory.domain.StockReservations;
import io.seams.shop.inventory.domain.Stocks;
import io.seams.shop.orders.OrderId;
import io.seams.shop.platform.kernel.Transition;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Takes the units of a dispatched order out of the stock they were reserved in. */
@Service
@RequiredArgsConstructor
class ShipStock {

    private final Stocks stocks;
    private final StockReservations reservations;

    @Transactional(propagation = Propagation.MANDATORY)
    Transition ship(OrderId orderId) {
        reservations.lockOrder(orderId);
        return reservations
                .lockFor(orderId)
                .map(reservation -> {
                    var stock = stocks.lockAll(reservation.lines().stream()
                            .map(ReservationLine::sku)
                            .toList());
                    var transition = reservation.ship(stock);
                    if (transition.changedState()) {
                        stock.values().forEach(stocks::update);
                        reservations.update(reservation);
                    }
                    return transition;
                })
                .orElseGet(Transition::unchanged);
    }
}
