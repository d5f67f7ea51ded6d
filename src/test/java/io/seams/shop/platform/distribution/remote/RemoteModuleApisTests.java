package io.seams.shop.platform.distribution.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.shop.testing.InProcessSeams;
import io.seams.shop.testing.TestDatabases;
import io.seams.shop.testing.Tokens;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Two processes' worth of Seams: a provider hosting catalog and customers on a database of its
 * own, and the application under test hosting orders, which reaches them over HTTP through
 * clients built from the same API interfaces it uses in the monolith.
 */
@Tag("ex-10")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "seams.topology.modules=orders")
@AutoConfigureRestTestClient
class RemoteModuleApisTests {

    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    static ConfigurableApplicationContext provider;

    /** The trace context and baggage headers of the calls the provider received. */
    static final Queue<String> receivedByProvider = new ConcurrentLinkedQueue<>();

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void catalogAndCustomersElsewhere(DynamicPropertyRegistry registry) {
        var database = TestDatabases.fresh();
        provider = InProcessSeams.on(database)
                .properties("seams.topology.modules=catalog,customers")
                .initializers(context -> context.getBeanFactory().registerSingleton("headerRecorder", (Filter)
                        (request, response, chain) -> {
                            var http = (HttpServletRequest) request;
                            if (http.getRequestURI().startsWith("/internal/")) {
                                receivedByProvider.add(http.getHeader("traceparent") + " " + http.getHeader("baggage"));
                            }
                            chain.doFilter(request, response);
                        }))
                .run();
        var url = "http://localhost:" + provider.getEnvironment().getProperty("local.server.port");
        registry.add("seams.topology.remote.catalog.url", () -> url);
        registry.add("seams.topology.remote.customers.url", () -> url);
        // The provider issues the tokens; this process checks them against its published keys.
        registry.add("seams.security.embedded-authorization-server.enabled", () -> "false");
        registry.add("seams.security.jwk-set-uri", () -> url + "/oauth2/jwks");
    }

    @AfterAll
    static void stopTheProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    @Tag("ex-02")
    void ordersArePricedAndAddressedByModulesInAnotherProcessAndFailFastWhenTheyAreGone() {
        var ada = asAda();
        ada.post()
                .uri("/api/orders")
                .header("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01")
                .header("baggage", "caller=alice")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"lines":[{"sku":"MUG-CLASSIC","quantity":2}]}""")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.total.amount")
                .isEqualTo(25.80)
                .jsonPath("$.shipTo.recipient")
                .isEqualTo("Ada Lovelace");
        ada.post()
                .uri("/api/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"lines":[{"sku":"NO-SUCH-THING","quantity":1}]}""")
                .exchange()
                .expectStatus()
                .isEqualTo(422);
        assertThat(receivedByProvider)
                .as("the calls to catalog and customers carry the trace and the caller")
                .anySatisfy(
                        headers -> assertThat(headers).startsWith("00-" + TRACE).contains("caller=alice"));
        var orders = countOrders();

        provider.close();

        ada.post()
                .uri("/api/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"lines":[{"sku":"MUG-CLASSIC","quantity":1}]}""")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:seams:problem:module-unavailable");
        assertThat(countOrders()).isEqualTo(orders);
    }

    /** Ada, with a token from the provider's authorization server. */
    private RestTestClient asAda() {
        return http.mutate()
                .defaultHeader("Authorization", "Bearer " + Tokens.of(provider, "ada"))
                .build();
    }

    private long countOrders() {
        return jdbc.sql("SELECT count(*) FROM orders.purchase_order")
                .query(Long.class)
                .single();
    }
}
