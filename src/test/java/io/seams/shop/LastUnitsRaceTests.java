package io.seams.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * 200 customers race over HTTP for the last 10 units of a product: 10 get one, 190 are turned away,
 * stock never goes below zero. 200 orders at once are far beyond what two cores confirm within the
 * overload threshold, so intake would refuse some of them (that is OverloadProtectionTests'
 * subject); here every order must reach the stock, so the threshold is out of the way.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "seams.web.overload.max-backlog-age=PT10M")
@AutoConfigureRestTestClient
class LastUnitsRaceTests {

    static final int ORDERS = 200;
    static final int UNITS = 10;

    @Autowired
    RestTestClient http;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoHundredOrdersForTenUnitsReserveExactlyTen() throws Exception {
        jdbc.sql("UPDATE inventory.stock SET available = ?, reserved = 0 WHERE sku = 'BOTTLE-STEEL'")
                .param(UNITS)
                .update();
        var shop = Shop.monolith(http, context);
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(16);
        var placed = new ArrayList<Future<String>>();
        try {
            for (int i = 0; i < ORDERS; i++) {
                placed.add(pool.submit(() -> {
                    start.await();
                    return shop.idOf(shop.place("""
                            {"lines":[{"sku":"BOTTLE-STEEL","quantity":1}]}"""));
                }));
            }
            start.countDown();
            var ids = new ArrayList<String>();
            for (var order : placed) {
                ids.add(order.get(60, TimeUnit.SECONDS));
            }

            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(statuses(ids)).containsOnlyKeys("CONFIRMED", "REJECTED"));
            var byStatus = statuses(ids);
            System.out.printf(
                    "Last units race: %d orders for %d units -> %d confirmed, %d rejected%n",
                    ORDERS, UNITS, byStatus.get("CONFIRMED"), byStatus.get("REJECTED"));
            assertThat(byStatus)
                    .containsEntry("CONFIRMED", (long) UNITS)
                    .containsEntry("REJECTED", (long) ORDERS - UNITS);
            assertThat(jdbc.sql("SELECT available FROM inventory.stock WHERE sku = 'BOTTLE-STEEL'")
                            .query(Integer.class)
                            .single())
                    .isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<String, Long> statuses(List<String> ids) {
        return jdbc
                .sql("SELECT status FROM orders.purchase_order WHERE id::text IN (:ids)")
                .param("ids", ids)
                .query(String.class)
                .list()
                .stream()
                .collect(Collectors.groupingBy(status -> status, Collectors.counting()));
    }
}
