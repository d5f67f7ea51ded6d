package io.seams.shop.platform.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.shop.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Oversized and hostile bodies are refused with problems and write nothing; responses carry security headers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class RequestHardeningTests {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    RestTestClient ada;

    @BeforeEach
    void signIn(@Autowired ApplicationContext context) {
        ada = Tokens.as(http, context, "ada");
    }

    @Test
    void aBodyOverTheLimitIsA413ProblemAndWritesNothing() {
        var orders = countOrders();
        var huge = "{\"lines\":[" + "{\"sku\":\"MUG-CLASSIC\",\"quantity\":1},".repeat(3000)
                + "{\"sku\":\"MUG-CLASSIC\",\"quantity\":1}]}";

        ada.post()
                .uri("/api/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .body(huge)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:seams:problem:request-too-large");
        assertThat(countOrders()).isEqualTo(orders);
    }

    @Test
    void deeplyNestedJsonIsA400ProblemWithoutInternals() {
        var nested = "[".repeat(5000) + "]".repeat(5000);

        var body = ada.post()
                .uri("/api/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"lines\":" + nested + "}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(body).contains("urn:seams:problem:malformed-request").doesNotContain("Exception", "at tools.");
    }

    @Test
    void aMalformedFormBodyIsA415ProblemNotAServerError() {
        // Found by BadInputTests' run of 10,000: Spring's form filter decoded such a body before any
        // controller and failed with a 500.
        ada.put()
                .uri("/api/customers/{id}", java.util.UUID.randomUUID())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("name=%zz&\u00ff%")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void responsesCarrySecurityHeadersAndNoCorsForForeignOrigins() {
        ada.get()
                .uri("/api/inventory/MUG-CLASSIC")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .valueEquals("X-Frame-Options", "DENY")
                .expectHeader()
                .value("Cache-Control", value -> assertThat(value).contains("no-store"));
        http.options()
                .uri("/api/orders")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .exchange()
                .expectHeader()
                .doesNotExist("Access-Control-Allow-Origin");
    }

    private long countOrders() {
        return jdbc.sql("SELECT count(*) FROM orders.purchase_order")
                .query(Long.class)
                .single();
    }
}
