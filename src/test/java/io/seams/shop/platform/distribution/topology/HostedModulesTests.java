package io.seams.shop.platform.distribution.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.shop.catalog.Catalog;
import io.seams.shop.customers.Customers;
import io.seams.shop.testing.Tokens;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.runtime.ApplicationModulesRuntime;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The same jar, started to host only payments and notifications: nothing of the other modules runs. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "seams.topology.modules=payments,notifications",
            // Tokens from an authorization server of its own (by default only the process hosting
            // customers has one).
            "seams.security.embedded-authorization-server.enabled=true"
        })
@AutoConfigureRestTestClient
class HostedModulesTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RestTestClient http;

    @BeforeEach
    void signInAsAda(@Autowired ApplicationContext context) {
        http = Tokens.as(http, context, "ada");
    }

    @Test
    void onlyTheHostedModulesSchemasAndTheEventRegistryAreMigrated() {
        var schemas = jdbc.sql("""
                        SELECT table_schema FROM information_schema.tables
                        WHERE table_name = 'flyway_schema_history' ORDER BY table_schema""").query(String.class).list();

        assertThat(schemas).isEqualTo(List.of("events", "notifications", "payments"));
    }

    @Test
    void springModulithReadsOnlyTheHostedModules(@Autowired ApplicationModulesRuntime runtime) {
        assertThat(runtime.get().stream().map(module -> module.getIdentifier().toString()))
                .containsExactlyInAnyOrder("notifications", "payments", "platform");
    }

    @Test
    void theOtherModulesBeansDoNotExist() {
        // Only the (lazy, remote) clients of their APIs: nothing of the modules themselves.
        assertThat(context.getBeanNamesForType(Catalog.class)).containsExactly("remoteCatalog");
        assertThat(context.getBeanNamesForType(Customers.class)).containsExactly("remoteCustomers");
        assertThat(context.getBeanDefinitionNames())
                .noneMatch(name -> name.toLowerCase().contains("order"))
                .anyMatch(name -> name.equals("paymentProcessing"))
                .anyMatch(name -> name.equals("customerNotifications"));
    }

    @Test
    void theFrontDoorNamesOnlyTheHostedModules() {
        var page = http.get()
                .uri("/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(page)
                .contains(
                        "<strong>Split</strong>",
                        "<li><code>notifications</code></li>",
                        "<li><code>payments</code></li>")
                .doesNotContain("<code>orders</code>", "<code>catalog</code>");
    }

    @Test
    void theOtherModulesEndpointsAreNotServed() {
        http.get().uri("/api/catalog/products").exchange().expectStatus().isNotFound();
        http.get()
                .uri("/api/orders/00000000-0000-0000-0000-000000000000")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:seams:problem:no-such-endpoint")
                .jsonPath("$.detail")
                .isEqualTo("Nothing in this process answers GET at this path");
    }
}
