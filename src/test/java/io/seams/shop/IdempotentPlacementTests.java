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
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Retried order placements with an {@code Idempotency-Key}: one order and one payment, whether the
 * retries come one after another or all at once. Configured like {@link FulfilmentSagaTests}, so
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

    static final String TWO_MUGS = FulfilmentSagaTests.TWO_MUGS;

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GreenMail mail;

    Shop shop;

    @BeforeEach
    void openTheShop() {
        shop = new Shop(http, jdbc, mail);
    }

    @Test
    void retryingWithTheSameIdempotencyKeyPlacesOneOrderAndChargesOnce() {
        var body = TWO_MUGS.formatted("tok_visa");
        var locations = new HashSet<String>();

        for (int attempt = 0; attempt < 10; attempt++) {
            locations.add(http.post()
                    .uri("/api/orders")
                    .header("Idempotency-Key", "checkout-4711")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .returnResult()
                    .getResponseHeaders()
                    .getLocation()
                    .toString());
        }

        assertThat(locations).hasSize(1);
        var order = java.net.URI.create(locations.iterator().next());
        shop.awaitStatus(order, "CONFIRMED");
        assertThat(jdbc.sql("SELECT count(*) FROM payments.payment WHERE order_id = ?::uuid")
                        .param(shop.idOf(order))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        http.post()
                .uri("/api/orders")
                .header("Idempotency-Key", "checkout-4711")
                .contentType(MediaType.APPLICATION_JSON)
                .body(TWO_MUGS.formatted("tok_decline"))
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:seams:problem:idempotency-key-reused");
        shop.awaitSettled();
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
                    return http.post()
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
