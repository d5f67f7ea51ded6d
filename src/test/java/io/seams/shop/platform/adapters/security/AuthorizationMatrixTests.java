package io.seams.shop.platform.adapters.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.seams.shop.Shop;
import io.seams.shop.testing.Tokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every endpoint the application serves, found in its own handler mappings (controllers,
 * actuator, API docs), called by every kind of caller; each outcome is written down below. An
 * endpoint added without an entry fails this test, and so does an entry for an endpoint that is
 * gone.
 *
 * <p>Callers, in the order they call: nobody (no token), Olivia (operations), Alan (a customer),
 * Ada (the customer who owns the order and profile used), Sam (staff). Outcomes: {@code ok} (the
 * request got past authorisation: any answer but 401, 403 or 404), {@code 401}, {@code 403},
 * {@code 404} (someone else's: answered as if absent).
 */
@Tag("ex-10")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class AuthorizationMatrixTests {

    static final List<String> CALLERS = List.of("anonymous", "olivia", "alan", "ada", "sam");
    static final String ADA = "c0ffee00-0000-4000-8000-000000000001";

    /** Endpoint → outcome for each caller, in the order of {@link #CALLERS}. */
    static final Map<String, String> EXPECTED = Map.ofEntries(
            // The front door (a page naming this process's modules, with links) is public.
            Map.entry("GET /", "ok ok ok ok ok"),
            // The catalog and the API description are public.
            Map.entry("GET /api/catalog/products", "ok ok ok ok ok"),
            Map.entry("GET /v3/api-docs", "ok ok ok ok ok"),
            Map.entry("GET /v3/api-docs.yaml", "ok ok ok ok ok"),
            Map.entry("GET /v3/api-docs/swagger-config", "ok ok ok ok ok"),
            Map.entry("GET /swagger-ui.html", "ok ok ok ok ok"),
            Map.entry("GET /error", "ok ok ok ok ok"),
            Map.entry("HEAD /error", "ok ok ok ok ok"),
            Map.entry("POST /error", "ok ok ok ok ok"),
            Map.entry("PUT /error", "ok ok ok ok ok"),
            Map.entry("DELETE /error", "ok ok ok ok ok"),
            Map.entry("PATCH /error", "ok ok ok ok ok"),
            Map.entry("OPTIONS /error", "ok ok ok ok ok"),
            // Orders: customers their own, staff any.
            Map.entry("POST /api/orders", "401 403 403 ok ok"),
            Map.entry("GET /api/orders/{id}", "401 403 404 ok ok"),
            Map.entry("POST /api/orders/{id}/cancel", "401 403 404 ok ok"),
            Map.entry("GET /api/orders/{id}/timeline", "401 403 404 ok ok"),
            // Customers: their own profile; registering customers is for staff.
            Map.entry("POST /api/customers", "401 403 403 403 ok"),
            Map.entry("GET /api/customers/{id}", "401 403 404 ok ok"),
            Map.entry("PUT /api/customers/{id}", "401 403 404 ok ok"),
            Map.entry("POST /api/customers/{id}/erasure", "401 403 404 404 ok"),
            Map.entry("GET /api/inventory/{sku}", "401 403 ok ok ok"),
            // The audit trail is for operations, and read only.
            Map.entry("GET /api/audit", "401 ok 403 403 403"),
            Map.entry("GET /api/operations/event-publications", "401 ok 403 403 403"),
            Map.entry("POST /api/operations/event-publications/resubmit", "401 ok 403 403 403"),
            // Shipping is staff work.
            Map.entry("GET /api/shipments", "401 403 403 403 ok"),
            Map.entry("GET /api/shipments/{id}", "401 403 403 403 ok"),
            Map.entry("POST /api/shipments/{id}/dispatch", "401 403 403 403 ok"),
            Map.entry("POST /api/shipments/{id}/deliver", "401 403 403 403 ok"),
            // Module APIs for other processes: any valid token (the user's, relayed).
            Map.entry("GET /internal/catalog/entries", "401 ok ok ok ok"),
            Map.entry("POST /internal/catalog/prices", "401 ok ok ok ok"),
            Map.entry("GET /internal/customers/{customer}/shipping-address", "401 ok ok ok ok"),
            // Operations.
            Map.entry("GET /actuator", "401 ok 403 403 403"),
            Map.entry("GET /actuator/health", "ok ok ok ok ok"),
            Map.entry("GET /actuator/health/**", "ok ok ok ok ok"),
            Map.entry("GET /actuator/info", "ok ok ok ok ok"),
            Map.entry("GET /actuator/metrics", "401 ok 403 403 403"),
            Map.entry("GET /actuator/prometheus", "401 ok 403 403 403"),
            Map.entry("GET /actuator/metrics/{requiredMetricName}", "401 ok 403 403 403"));

    @Autowired
    RestTestClient http;

    @Autowired
    ApplicationContext context;

    @Test
    void everyEndpointAnswersEveryCallerAsWrittenDown() {
        var endpoints = endpoints();
        assertThat(endpoints)
                .as("endpoints without an entry in the matrix (add one)")
                .isSubsetOf(EXPECTED.keySet());
        assertThat(EXPECTED.keySet())
                .as("entries for endpoints the application no longer serves")
                .isSubsetOf(endpoints);

        var callers = new LinkedHashMap<String, RestTestClient>();
        callers.put("anonymous", http);
        for (var account : CALLERS.subList(1, CALLERS.size())) {
            callers.put(account, Tokens.as(http, context, account));
        }
        var fixtures = Fixtures.prepare(Shop.monolith(http, context));

        var wrong = new ArrayList<String>();
        for (var endpoint : endpoints) {
            var expected = EXPECTED.get(endpoint).split(" ");
            for (int i = 0; i < CALLERS.size(); i++) {
                var status = fixtures.call(callers.get(CALLERS.get(i)), endpoint);
                var outcome = status == 401 || status == 403 || status == 404 ? String.valueOf(status) : "ok";
                if (!outcome.equals(expected[i])) {
                    wrong.add("%s as %s: %s (HTTP %d), expected %s"
                            .formatted(endpoint, CALLERS.get(i), outcome, status, expected[i]));
                }
            }
        }
        System.out.printf(
                "Authorisation matrix: %d endpoints x %d callers = %d checks%n",
                endpoints.size(), CALLERS.size(), endpoints.size() * CALLERS.size());
        assertThat(wrong).isEmpty();
    }

    /** "METHOD /pattern" of every handler the application maps. */
    private TreeSet<String> endpoints() {
        var endpoints = new TreeSet<String>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()
                .forEach(mapping -> mapping.getHandlerMethods().keySet().forEach(info -> {
                    var methods = info.getMethodsCondition().getMethods();
                    var names = methods.isEmpty()
                            ? List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")
                            : methods.stream().map(Enum::name).toList();
                    for (var pattern : info.getPatternValues()) {
                        names.forEach(method -> endpoints.add(method + " " + pattern));
                    }
                }));
        return endpoints;
    }

    /** The orders, shipment and customers the calls are about, and how to call each endpoint. */
    private record Fixtures(String order, String shipment, String stranger) {

        static Fixtures prepare(Shop shop) {
            var ada = shop.http();
            var staff = shop.staff();
            var placed = shop.place("""
                    {"lines":[{"sku":"STICKER-PACK","quantity":1}]}""");
            var order = shop.idOf(placed);
            await().atMost(Shop.ASYNC)
                    .until(
                            () -> ada.get()
                                    .uri("/api/orders/" + order + "/timeline")
                                    .exchange()
                                    .returnResult()
                                    .getStatus()
                                    .value(),
                            status -> status == 200);
            var shipment = shop.awaitShipment(placed);
            var stranger = staff.post()
                    .uri("/api/customers")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(PROFILE.formatted("Grace Hopper", "grace@navy.example"))
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .returnResult(Map.class)
                    .getResponseBody()
                    .get("id")
                    .toString();
            return new Fixtures(order, shipment, stranger);
        }

        static final String PROFILE = """
                {"name":"%s","email":"%s",
                 "address":{"street":"12 St James's Square","postalCode":"SW1Y 4JH","city":"London","country":"GB"}}""";

        int call(RestTestClient caller, String endpoint) {
            var method = HttpMethod.valueOf(endpoint.substring(0, endpoint.indexOf(' ')));
            var pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
            var uri = pattern.replace("/api/orders/{id}", "/api/orders/" + order)
                    .replace("/api/shipments/{id}", "/api/shipments/" + shipment)
                    .replace("/api/customers/{id}", "/api/customers/" + (pattern.endsWith("/erasure") ? stranger : ADA))
                    .replace("{sku}", "MUG-CLASSIC")
                    .replace("{customer}", ADA)
                    .replace("{requiredMetricName}", "jvm.memory.used")
                    .replace("/**", "/liveness");
            if (pattern.equals("/api/shipments")) {
                uri += "?orderId=" + order;
            }
            var request = caller.method(method).uri(uri);
            var body = bodyFor(method, pattern);
            var exchange = body == null
                    ? request.exchange()
                    : request.contentType(MediaType.APPLICATION_JSON).body(body).exchange();
            return exchange.returnResult().getStatus().value();
        }

        private static String bodyFor(HttpMethod method, String pattern) {
            return switch (method.name() + " " + pattern) {
                case "POST /api/orders" -> """
                        {"customerId":"%s","lines":[{"sku":"STICKER-PACK","quantity":1}]}""".formatted(ADA);
                case "POST /api/customers" -> PROFILE.formatted("Alice Liddell", "alice@example.com");
                case "PUT /api/customers/{id}" -> PROFILE.formatted("Ada Lovelace", "ada@example.com");
                case "POST /api/shipments/{id}/dispatch" -> """
                        {"carrier":"DHL","trackingNumber":"JD0146"}""";
                case "POST /internal/catalog/prices" -> """
                        ["MUG-CLASSIC"]""";
                default -> null;
            };
        }
    }
}
