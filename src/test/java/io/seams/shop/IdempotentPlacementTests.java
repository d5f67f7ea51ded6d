package io.seams.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.seams.shop.testing.MovableClock;
import java.util.HashSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Concurrent order placements with the same {@code Idempotency-Key} place one order (retries one
 * after another are among the {@link SagaScenarios}). Configured like {@link FulfilmentSagaTests}, so
 * both share one application context.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "seams.orders.timeout-check-interval=PT0.2S",
            "seams.events.resubmission.interval=PT0.5S",
            "seams.events.resubmission.min-age=PT0.5S"
        })
@AutoConfigureRestTestClient
@Import(MovableClock.Config.class)
class IdempotentPlacementTests {

    static final String TWO_MUGS = SagaScenarios.TWO_MUGS;

    @Autowired
    RestTestClient http;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GreenMail mail;

    Shop shop;

    @BeforeEach
    void openTheShop() {
        shop = Shop.monolith(http, context, jdbc, mail);
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
                    return shop.http()
                            .post()
                            .uri("/api/orders")
                            .header("Idempotency-Key", "parallel-checkout-42")
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(body)
                            .exchange()
                            .expectStatus()
                            .isCreated()
                            .returnResult()
                            .getResponseHeaders()
                            .getLocation()
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
        assertThat(jdbc.sql("SELECT count(*) FROM orders.idempotency_key WHERE key = 'parallel-checkout-42'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        shop.awaitSettled();
    }
}
