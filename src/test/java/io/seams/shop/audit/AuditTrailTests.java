package io.seams.shop.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.seams.shop.Shop;
import io.seams.shop.testing.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The audit trail records who asked for what and how it ended — changes through the API,
 * refused requests, and what the modules did on their own — and nothing can change it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class AuditTrailTests {

    static final String ONE_MUG = """
            {"lines":[{"sku":"MUG-CLASSIC","quantity":1}]}""";

    @Autowired
    RestTestClient http;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    @Tag("ex-01")
    void placingCancellingAndRefusedRequestsAreRecordedWithWhoDidThem() {
        var shop = Shop.monolith(http, context);
        var ada = shop.http();
        var olivia = Tokens.as(http, context, "olivia");
        var placed = shop.place(ONE_MUG);
        shop.awaitStatus(placed, "CONFIRMED");
        var order = shop.idOf(placed);
        ada.post()
                .uri("/api/orders/" + order + "/cancel")
                .exchange()
                .expectStatus()
                .isAccepted();
        http.post()
                .uri("/api/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .body(ONE_MUG)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        ada.get()
                .uri("/api/shipments?orderId=" + order)
                .exchange()
                .expectStatus()
                .isForbidden();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(entriesOf(olivia, "orderId=" + order))
                        .extracting(
                                entry -> entry.get("actor") + " " + entry.get("action") + " " + entry.get("outcome"))
                        .containsExactlyInAnyOrder(
                                "ada POST /api/orders 201",
                                "ada POST /api/orders/{id}/cancel 202",
                                "orders order cancelled done",
                                "payments payment refunded done"));
        assertThat(entriesOf(olivia, "limit=50"))
                .extracting(entry -> entry.get("actor") + " " + entry.get("action") + " " + entry.get("outcome"))
                .contains("anonymous POST /api/orders 401", "ada GET /api/shipments 403");
    }

    /**
     * An id in a request names an order when orders' API answered it, a customer when customers'
     * did, and neither for any other module: a shipment's id is no order's.
     */
    @Test
    @Tag("ex-01")
    void anIdIsRecordedAsAnOrderOrACustomerOnlyWhenThatModuleAnswered() {
        var shop = Shop.monolith(http, context);
        var olivia = Tokens.as(http, context, "olivia");
        var grace = shop.staff()
                .post()
                .uri("/api/customers")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"name":"Grace Hopper","email":"grace-%s@navy.example","address":{"street":"1 Compiler Lane",\
                        "postalCode":"20301","city":"Arlington","country":"US"}}""".formatted(UUID.randomUUID()))
                .exchange()
                .expectStatus()
                .isCreated()
                .returnResult()
                .getResponseHeaders()
                .getLocation();
        var placed = shop.place(ONE_MUG);
        var shipment = shop.awaitShipment(placed);
        shop.dispatch(shipment);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(entriesOf(olivia, "customerId=" + shop.idOf(grace)))
                    .extracting(entry -> entry.get("actor") + " " + entry.get("action") + " " + entry.get("outcome"))
                    .containsExactly("sam POST /api/customers 201");
            assertThat(entriesOf(olivia, "orderId=" + shop.idOf(placed)))
                    .extracting(entry -> entry.get("actor") + " " + entry.get("action") + " " + entry.get("outcome"))
                    .contains("ada POST /api/orders 201");
            assertThat(entriesOf(olivia, "limit=50"))
                    .extracting(entry -> entry.get("actor") + " " + entry.get("action") + " " + entry.get("outcome"))
                    .contains("sam POST /api/shipments/{id}/dispatch 200");
        });
        assertThat(entriesOf(olivia, "orderId=" + shipment))
                .as("entries filed under the shipment's id as if it named an order")
                .isEmpty();
        assertThat(entriesOf(olivia, "customerId=" + shipment))
                .as("entries filed under the shipment's id as if it named a customer")
                .isEmpty();
    }

    @Test
    void aFailedSignInIsRecordedWithTheNameTriedAndNoSecret() {
        http.post()
                .uri("/oauth2/token")
                .headers(headers -> headers.setBasicAuth("sam", "not-the-secret"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("grant_type=client_credentials")
                .exchange()
                .expectStatus()
                .isUnauthorized();

        assertThat(jdbc.sql("SELECT actor || ' ' || action || ' ' || outcome FROM audit.entry WHERE action = 'sign-in'")
                        .query(String.class)
                        .list())
                .contains("sam sign-in failed");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE detail LIKE '%not-the-secret%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void nobodyCanChangeOrDeleteAnEntry() {
        jdbc.sql("""
                        INSERT INTO audit.entry (at, actor, action, outcome) VALUES (now(), 'test', 'probe', 'done')""").update();

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit.entry SET actor = 'someone else'")
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit.entry").update()).hasMessageContaining("append-only");
        assertThat(context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().stream()
                        .flatMap(mapping -> mapping.getHandlerMethods().keySet().stream())
                        .filter(info -> info.getPatternValues().stream().anyMatch(p -> p.startsWith("/api/audit")))
                        .flatMap(info -> info.getMethodsCondition().getMethods().stream())
                        .map(Enum::name))
                .as("the API only reads the trail")
                .containsOnly("GET");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entriesOf(RestTestClient olivia, String query) {
        return olivia.get()
                .uri("/api/audit?" + query)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(List.class)
                .getResponseBody();
    }
}
