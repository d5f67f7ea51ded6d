package io.seams.shop.platform.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.seams.shop.platform.events.ListenerBacklog;
import io.seams.shop.testing.Tokens;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Overload is refused, not queued: while listeners are behind, new work gets a 503 and writes nothing. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "seams.web.overload.max-backlog-age=PT0.2S")
@AutoConfigureRestTestClient
class OverloadProtectionTests {

    static final String ORDER = "{\"lines\":[{\"sku\":\"MUG-CLASSIC\",\"quantity\":1}]}";

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ListenerBacklog backlog;

    @Autowired
    @Qualifier("applicationTaskExecutor")
    ThreadPoolTaskExecutor listeners;

    @Test
    void whileListenersAreBehindChangesAreRefusedWithRetryAfterAndWriteNothing(@Autowired ApplicationContext context) {
        var ada = Tokens.as(http, context, "ada");
        var release = new CountDownLatch(1);
        // Every listener thread busy, and one more invocation waiting behind them.
        for (int i = 0; i <= listeners.getMaxPoolSize(); i++) {
            listeners.execute(() -> awaitQuietly(release));
        }
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> backlog.oldestWait().compareTo(Duration.ofMillis(200)) > 0);
            var orders = count("orders.purchase_order");
            var publications = count("events.event_publication");

            placeOrder(ada)
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .value(
                            "Retry-After",
                            seconds -> assertThat(Long.parseLong(seconds)).isPositive())
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:seams:problem:overloaded")
                    .jsonPath("$.status")
                    .isEqualTo(503);
            // Reads go on.
            ada.get().uri("/api/catalog/products").exchange().expectStatus().isOk();

            assertThat(count("orders.purchase_order")).isEqualTo(orders);
            assertThat(count("events.event_publication")).isEqualTo(publications);
        } finally {
            release.countDown();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> backlog.waiting() == 0);
        placeOrder(ada).expectStatus().isCreated();
    }

    private static RestTestClient.ResponseSpec placeOrder(RestTestClient customer) {
        return customer.post()
                .uri("/api/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .body(ORDER)
                .exchange();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
