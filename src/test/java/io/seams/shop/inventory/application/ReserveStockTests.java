package io.seams.shop.inventory.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.shop.catalog.Sku;
import io.seams.shop.inventory.domain.ReservationLine;
import io.seams.shop.inventory.domain.ReservationStatus;
import io.seams.shop.inventory.domain.StockReservation;
import io.seams.shop.inventory.domain.Stocks;
import io.seams.shop.orders.OrderId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.support.TransactionTemplate;

@ApplicationModuleTest(verifyAutomatically = false)
class ReserveStockTests {

    @Autowired
    ReserveStock reservations;

    @Autowired
    Stocks stocks;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void concurrentOrdersForTheLastUnitsNeverReserveMoreThanTheStock() throws Exception {
        var sku = stockOf("RACE-FOR-FIVE", 5);
        int orders = 20;
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<StockReservation>>();
        var pool = Executors.newFixedThreadPool(orders);
        var outcomes = new ArrayList<ReservationStatus>();
        try {
            for (int i = 0; i < orders; i++) {
                Callable<StockReservation> reserveOne = () -> {
                    start.await();
                    return transactions.execute(status -> reservations
                            .reserve(OrderId.random(), List.of(new ReservationLine(sku, 1)))
                            .orElseThrow());
                };
                results.add(pool.submit(reserveOne));
            }
            start.countDown();
            for (var result : results) {
                outcomes.add(result.get(30, TimeUnit.SECONDS).status());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(outcomes).filteredOn(ReservationStatus.RESERVED::equals).hasSize(5);
        assertThat(outcomes).filteredOn(ReservationStatus.REJECTED::equals).hasSize(15);
        var stock = stocks.findById(sku).orElseThrow();
        assertThat(stock.available()).isZero();
        assertThat(stock.reserved()).isEqualTo(5);
    }

    @Test
    void anOrderIsDecidedOnlyOnceHoweverOftenItAsks() {
        var sku = stockOf("ONCE-ONLY", 10);
        var order = OrderId.random();
        var lines = List.of(new ReservationLine(sku, 4));

        var first = transactions.execute(status -> reservations.reserve(order, lines));
        var second = transactions.execute(status -> reservations.reserve(order, lines));

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        assertThat(stocks.findById(sku).orElseThrow().available()).isEqualTo(6);
    }

    private Sku stockOf(String sku, int available) {
        jdbc.sql("INSERT INTO inventory.stock (sku, available, reserved) VALUES (?, ?, 0)")
                .params(sku, available)
                .update();
        return new Sku(sku);
    }
}
