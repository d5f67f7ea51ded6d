package io.seams.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.shop.platform.kernel.Fingerprints;
import io.seams.shop.testing.Tokens;
import java.util.HashSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Concurrent order placements with the same {@code Idempotency-Key} place one order (retries one
 * after another are among the {@link SagaScenarios}). {@link MonolithSagaTest}, like
 * {@link FulfilmentSagaTests}, so both share one application context.
 */
@MonolithSagaTest
class IdempotentPlacementTests {

    static final String TWO_MUGS = SagaScenarios.TWO_MUGS;

    @Autowired
    RestTestClient http;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    Shop shop;

    @BeforeEach
    void openTheShop() {
        shop = Shop.monolith(http, context);
    }

    @Test
    void concurrentRetriesWithTheSameIdempotencyKeyPlaceOneOrder() throws Exception {
        var body = TWO_MUGS.formatted("tok_visa");
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int attempt = 0; attempt < 8; attempt++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return shop.place(body, headers -> headers.set("Idempotency-Key", "parallel-checkout-42"))
                            .toString();
                }));
            }
            start.countDown();
            var locations = new HashSet<String>();
            for (var answer : answers) {
                locations.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(locations).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM orders.idempotency_key WHERE key_hash = ?")
                        .param(Fingerprints.of("parallel-checkout-42"))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        shop.awaitSettled();
    }

    @Test
    void anIdempotencyKeyIsOneCustomersOnly() {
        var key = "checkout-1";
        var ada = shop.place(TWO_MUGS.formatted("tok_visa"), headers -> headers.set("Idempotency-Key", key));
        var alan = shop.placeAs(
                Tokens.as(http, context, "alan"),
                TWO_MUGS.formatted("tok_visa"),
                headers -> headers.set("Idempotency-Key", key));

        assertThat(alan).as("Alan's order, placed with the key Ada used").isNotEqualTo(ada);
        assertThat(shop.place(TWO_MUGS.formatted("tok_visa"), headers -> headers.set("Idempotency-Key", key)))
                .as("Ada's retry")
                .isEqualTo(ada);
        assertThat(jdbc.sql("SELECT count(*) FROM orders.idempotency_key WHERE key_hash = ?")
                        .param(Fingerprints.of(key))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        shop.awaitSettled();
    }
}
