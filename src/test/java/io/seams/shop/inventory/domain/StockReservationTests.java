package io.seams.shop.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.seams.shop.catalog.Sku;
import io.seams.shop.inventory.StockReleased;
import io.seams.shop.inventory.StockReservationRejected;
import io.seams.shop.inventory.StockReserved;
import io.seams.shop.orders.OrderId;
import io.seams.shop.platform.kernel.Transition;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StockReservationTests {

    static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    static final Sku MUG = new Sku("MUG-CLASSIC");
    static final Sku HOODIE = new Sku("HOODIE-L");

    OrderId order = OrderId.random();

    @Test
    void everyLineThatFitsIsReservedAndTakenFromAvailableStock() {
        var stock = stockOf(new Stock(MUG, 100, 0, 0), new Stock(HOODIE, 2, 0, 0));

        var reservation = StockReservation.decide(
                order, List.of(new ReservationLine(MUG, 2), new ReservationLine(HOODIE, 2)), stock, NOW);

        assertThat(reservation.status()).isEqualTo(ReservationStatus.RESERVED);
        assertThat(reservation.drainEvents()).containsExactly(new StockReserved(order, NOW));
        assertThat(stock.get(MUG).available()).isEqualTo(98);
        assertThat(stock.get(MUG).reserved()).isEqualTo(2);
        assertThat(stock.get(HOODIE).available()).isZero();
    }

    @Test
    void oneShortLineRejectsTheWholeOrderAndReservesNothing() {
        var stock = stockOf(new Stock(MUG, 100, 0, 0), new Stock(HOODIE, 2, 0, 0));

        var reservation = StockReservation.decide(
                order, List.of(new ReservationLine(MUG, 2), new ReservationLine(HOODIE, 3)), stock, NOW);

        assertThat(reservation.status()).isEqualTo(ReservationStatus.REJECTED);
        assertThat(reservation.reason()).isEqualTo("Not enough stock (HOODIE-L: 3 requested, 2 available)");
        assertThat(reservation.drainEvents())
                .containsExactly(new StockReservationRejected(order, reservation.reason(), NOW));
        assertThat(stock.get(MUG).available()).isEqualTo(100);
        assertThat(stock.get(HOODIE).available()).isEqualTo(2);
    }

    @Test
    void aSkuWithoutStockIsShort() {
        var reservation = StockReservation.decide(
                order, List.of(new ReservationLine(new Sku("NOTHING-HERE"), 1)), stockOf(), NOW);

        assertThat(reservation.status()).isEqualTo(ReservationStatus.REJECTED);
        assertThat(reservation.reason()).contains("NOTHING-HERE: 1 requested, 0 available");
    }

    @Test
    void cancellingAReservedOrderGivesItsStockBackOnce() {
        var stock = stockOf(new Stock(MUG, 100, 0, 0));
        var reservation = StockReservation.decide(order, List.of(new ReservationLine(MUG, 2)), stock, NOW);
        reservation.drainEvents();

        assertThat(reservation.release(stock, NOW)).isEqualTo(Transition.applied());
        assertThat(reservation.release(stock, NOW)).isEqualTo(Transition.unchanged());
        assertThat(stock.get(MUG).available()).isEqualTo(100);
        assertThat(stock.get(MUG).reserved()).isZero();
        assertThat(reservation.status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(reservation.drainEvents()).containsExactly(new StockReleased(order, NOW));
    }

    @Test
    void dispatchedUnitsLeaveTheStockOnce() {
        var stock = stockOf(new Stock(MUG, 100, 0, 0));
        var reservation = StockReservation.decide(order, List.of(new ReservationLine(MUG, 2)), stock, NOW);

        assertThat(reservation.ship(stock)).isEqualTo(Transition.applied());
        assertThat(reservation.ship(stock)).isEqualTo(Transition.unchanged());
        assertThat(reservation.release(stock, NOW).isRefused()).isTrue();
        assertThat(stock.get(MUG).available()).isEqualTo(98);
        assertThat(stock.get(MUG).reserved()).isZero();
    }

    @Test
    void aRejectedReservationHasNothingToGiveBack() {
        var stock = stockOf(new Stock(HOODIE, 2, 0, 0));
        var reservation = StockReservation.decide(order, List.of(new ReservationLine(HOODIE, 3)), stock, NOW);

        assertThat(reservation.release(stock, NOW)).isEqualTo(Transition.unchanged());
        assertThat(stock.get(HOODIE).available()).isEqualTo(2);
    }

    @Test
    void stockIsNeverNegative() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Stock(MUG, -1, 0, 0));
    }

    private static Map<Sku, Stock> stockOf(Stock... stock) {
        var bySku = new HashMap<Sku, Stock>();
        for (var each : stock) {
            bySku.put(each.getId(), each);
        }
        return bySku;
    }
}
