package io.seams.shop.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.seams.shop.Shop;
import io.seams.shop.testing.Tokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The Prometheus endpoint (ops role) shows orders by outcome, the saga's duration and the registry's state. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class MetricsTests {

    @Autowired
    RestTestClient http;

    @Autowired
    ApplicationContext context;

    @Test
    void aConfirmedOrderShowsInTheMetrics() {
        var shop = Shop.monolith(http, context);
        var ada = shop.http();
        var olivia = Tokens.as(http, context, "olivia");
        var order = shop.place("""
                {"lines":[{"sku":"NOTEBOOK-A5","quantity":1}]}""");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(scrape(olivia))
                        .containsPattern("seams_orders_total\\{.*outcome=\"placed\".*\\} [1-9]")
                        .containsPattern("seams_orders_total\\{.*outcome=\"confirmed\".*\\} [1-9]")
                        .containsPattern("seams_order_confirmation_seconds_count(\\{.*\\})? [1-9]")
                        .contains("seams_order_confirmation_seconds_bucket")
                        .contains("seams_events_publications{", "state=\"failed\"")
                        .contains("seams_events_oldest_incomplete_age_seconds"));
        assertThat(order).isNotNull();
        ada.get().uri("/actuator/prometheus").exchange().expectStatus().isForbidden();
    }

    /** What Prometheus would scrape, asked with the operations role. */
    static String scrape(RestTestClient olivia) {
        return olivia.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
    }
}
