package io.seams.shop.platform.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.shop.testing.Tokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Oversized and hostile bodies are refused with problems and write nothing; responses carry security headers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class RequestHardeningTests {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    RestTestClient ada;

    /** An order anyone may place: one mug. */
    private static final String ONE_MUG = "{\"lines\":[{\"sku\":\"MUG-CLASSIC\",\"quantity\":1}]}";

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
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:seams:problem:request-too-large")
                .jsonPath("$.instance")
                .isEqualTo("/api/orders");
        assertThat(countOrders()).isEqualTo(orders);
        // The limit holds before the security filters too, where the token endpoint reads its form.
        http.post()
                .uri("/oauth2/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("grant_type=client_credentials&padding=" + "x".repeat(100_000))
                .exchange()
                .expectStatus()
                .isEqualTo(413);
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
                .value("Cache-Control", value -> assertThat(value).contains("no-store"))
                .expectHeader()
                .valueEquals("Referrer-Policy", "no-referrer");
        for (var page : List.of("/", "/swagger-ui/index.html")) {
            http.get()
                    .uri(page)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .value(
                            "Content-Security-Policy",
                            policy -> assertThat(policy)
                                    .contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
                                    .doesNotContain("unsafe-eval")
                                    .doesNotContain("script-src"));
        }
        http.options()
                .uri("/api/orders")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .exchange()
                .expectHeader()
                .doesNotExist("Access-Control-Allow-Origin");
    }

    /**
     * A body is read as written: a whole number is a JSON integer, text a JSON string, a UUID its
     * 36-character form, and a field is named once.
     */
    @Test
    void aBodyIsReadAsWritten() {
        var orders = countOrders();
        for (var body : List.of(
                "{\"lines\":[{\"sku\":\"MUG-CLASSIC\",\"quantity\":1.5}]}",
                "{\"lines\":[{\"sku\":\"MUG-CLASSIC\",\"quantity\":\"2\"}]}",
                "{\"lines\":[{\"sku\":\"MUG-CLASSIC\",\"quantity\":1,\"quantity\":2}]}",
                "{\"lines\":[{\"sku\":123,\"quantity\":1}]}",
                "{\"paymentToken\":true,\"lines\":[{\"sku\":\"MUG-CLASSIC\",\"quantity\":1}]}",
                "{\"customerId\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"lines\":[{\"sku\":\"MUG-CLASSIC\",\"quantity\":1}]}")) {
            refusedAsMalformed(body);
        }
        ada.post()
                .uri("/api/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"lines\":[{\"sku\":\"MUG-CLASSIC\",\"quantity\":99999999999}]}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .value(detail ->
                        assertThat((String) detail).startsWith("A number in the request body is out of range"));
        assertThat(countOrders()).isEqualTo(orders);
    }

    @Test
    void freeTextRefusesControlCharactersBidiOverridesAndBrokenUnicode(@Autowired ApplicationContext context) {
        var staff = Tokens.as(http, context, "sam");
        var customers = jdbc.sql("SELECT count(*) FROM customers.customer")
                .query(Long.class)
                .single();
        for (var name : List.of(
                "Gr\\ud800ace", "Gr\\u0085ace", "Grace\\u202eevil", "Gr\\u0007ace", "\\u200c\\u200d", "Gr\\uffffce")) {
            staff.post()
                    .uri("/api/customers")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("""
                            {"name":"%s","email":"grace@example.com",
                             "address":{"street":"1 Navy Street","postalCode":"10115","city":"Berlin","country":"DE"}}""".formatted(name))
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("name");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM customers.customer")
                        .query(Long.class)
                        .single())
                .isEqualTo(customers);
    }

    /**
     * What the description says a free-text field is, the server checks: 1 to max characters counted
     * as JSON Schema counts them (an emoji is one), not all white space; an e-mail address as the
     * description's {@code format: email} reads it.
     */
    @Test
    void freeTextIsCountedInCharactersAndIsNotBlankAndEmailIsAnAddress(@Autowired ApplicationContext context) {
        var staff = Tokens.as(http, context, "sam");
        var emoji = "\uD83D\uDE00";
        staff.post()
                .uri("/api/customers")
                .contentType(MediaType.APPLICATION_JSON)
                .body(profile(emoji.repeat(200), "grace@example.com"))
                .exchange()
                .expectStatus()
                .isCreated();
        for (var invalid : List.of(
                profile(emoji.repeat(201), "grace@example.com"),
                profile("   ", "grace@example.com"),
                profile("\u2003\u00A0", "grace@example.com"),
                profile("Grace Hopper", "grace@localhost"),
                profile("Grace Hopper", "\\\"grace\\\"@example.com"),
                profile("Grace Hopper", "gr\u00FCce@example.com"),
                // Far over the 320 characters an address may have, in dot-separated parts a regular
                // expression would recurse through once per part.
                profile("Grace Hopper", "g.".repeat(5_000) + "h@example.com"))) {
            staff.post()
                    .uri("/api/customers")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(invalid)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:seams:problem:invalid-request");
        }
    }

    /** The same Idempotency-Key contract on every command that creates something: a key that breaks it writes nothing. */
    @Test
    void anIdempotencyKeyIsOneToTwoHundredVisibleAsciiCharacters(@Autowired ApplicationContext context) {
        var staff = Tokens.as(http, context, "sam");
        var customers = count("customers.customer");
        var orders = countOrders();
        for (var invalid : List.of("x".repeat(201), "two words", "tab\tkey")) {
            staff.post()
                    .uri("/api/customers")
                    .header("Idempotency-Key", invalid)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(profile("Grace Hopper", "grace@example.com"))
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.detail")
                    .isEqualTo("Idempotency-Key: must be 1 to 200 visible ASCII characters")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("Idempotency-Key");
            ada.post()
                    .uri("/api/orders")
                    .header("Idempotency-Key", invalid)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(ONE_MUG)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:seams:problem:invalid-request");
        }
        assertThat(count("customers.customer")).isEqualTo(customers);
        assertThat(countOrders()).isEqualTo(orders);
    }

    /**
     * A path is read as written too: a UUID in its 36-character form ({@code 1-1-1-1-1} is not one),
     * and a path the firewall refuses is a problem like any other, with a type and the path sent.
     */
    @Test
    void aPathIsReadAsWritten() {
        var refused = Map.of(
                "/api/orders/1-1-1-1-1", "urn:seams:problem:invalid-request",
                "/api//orders", "urn:seams:problem:malformed-request",
                // Refused by Tomcat itself, before any filter: the same problem, with the path as sent.
                "/api/orders/%00", "urn:seams:problem:malformed-request",
                "/api/orders/a%2Fb", "urn:seams:problem:malformed-request",
                "/api/inventory/a%5Cb", "urn:seams:problem:malformed-request");
        refused.forEach((path, type) -> ada.get()
                .uri(URI.create(path))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(type)
                .jsonPath("$.instance")
                .isEqualTo(path));
    }

    private static String profile(String name, String email) {
        return """
                {"name":"%s","email":"%s",
                 "address":{"street":"1 Navy Street","postalCode":"10115","city":"Berlin","country":"DE"}}""".formatted(name, email);
    }

    @Test
    void answersSpringMvcGivesOnItsOwnCarryAStableType(@Autowired ApplicationContext context) {
        invalidParameter(Tokens.as(http, context, "olivia"), "/api/audit?limit=0", "limit");
        ada.get()
                .uri("/api/orders/not-a-uuid")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:seams:problem:invalid-request");
        ada.delete()
                .uri("/api/orders")
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:seams:problem:method-not-allowed");
        ada.post()
                .uri("/api/orders")
                .contentType(MediaType.TEXT_PLAIN)
                .body("two mugs")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:seams:problem:unsupported-media-type");
    }

    @Test
    void anErrorAnswerWithoutABodyBecomesAProblem(@Autowired ApplicationContext context) {
        // Spring Boot's actuator answers a component or metric it does not know, or hides, with an
        // empty 404; so does the dev authorization server a token request without credentials.
        var olivia = Tokens.as(http, context, "olivia");
        for (var client : List.of(http, olivia)) {
            client.get()
                    .uri("/actuator/health/no-such-component")
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:seams:problem:not-found")
                    .jsonPath("$.instance")
                    .isEqualTo("/actuator/health/no-such-component");
        }
        olivia.get()
                .uri("/actuator/metrics/no.such.metric")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Nothing was found at this path.");
        http.post()
                .uri("/oauth2/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("grant_type=client_credentials")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401);
        // An error answer that has a body keeps it: a health check that is down says what is down.
        olivia.get()
                .uri("/actuator/health")
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void linesOfOneSkuTogetherAskForAtMostWhatOneLineMay() {
        var orders = countOrders();
        ada.post()
                .uri("/api/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"lines\":[{\"sku\":\"MUG-CLASSIC\",\"quantity\":1000},"
                        + "{\"sku\":\"MUG-CLASSIC\",\"quantity\":1}]}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:seams:problem:invalid-request")
                .jsonPath("$.errors[0].field")
                .isEqualTo("lines")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("more than 1000 units of one SKU"));
        assertThat(countOrders()).isEqualTo(orders);
    }

    @Test
    void jsonIsTheOnlyFormat() {
        http.get()
                .uri("/api/catalog/products")
                .header("Accept", "application/yaml")
                .exchange()
                .expectStatus()
                .isEqualTo(406);
        ada.post()
                .uri("/api/orders")
                .contentType(MediaType.parseMediaType("application/yaml"))
                .body("lines:\n- sku: MUG-CLASSIC\n  quantity: 1\n")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:seams:problem:unsupported-media-type");
    }

    @Test
    void anAnswerIsJsonOrA406BeforeAnythingIsWritten() {
        // A 2xx answer is application/json and nothing else, as docs/api/openapi.json says: a client
        // that accepts only problems, or another +json type, is told so with a 406, not sent an order
        // labelled as a problem. The 406 comes before the controller runs, so the order is not placed.
        for (var accept : List.of("application/problem+json", "application/vnd.example+json", "text/html")) {
            http.get()
                    .uri("/api/catalog/products")
                    .header("Accept", accept)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(406);
            var orders = countOrders();
            placeOneMugAccepting(accept).expectStatus().isEqualTo(406);
            assertThat(countOrders()).as(accept).isEqualTo(orders);
        }
        ada.post()
                .uri("/api/orders")
                .header("Accept", "application/json")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"lines\":[]}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get()
                .uri("/api/catalog/products")
                .header("Accept", "application/problem+json, application/json;q=0.5")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(MediaType.APPLICATION_JSON);
    }

    @Test
    void everyOperationDeclaresThatItAnswersJson(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        // What makes the 406 above come before the controller: a new controller without it would place
        // an order and then fail to write the answer.
        var operations = mappings.getHandlerMethods().keySet().stream()
                .filter(mapping -> mapping.getPatternValues().stream()
                        .anyMatch(path -> path.startsWith("/api/") || path.startsWith("/internal/")))
                .toList();

        assertThat(operations)
                .hasSizeGreaterThan(10)
                .allSatisfy(mapping -> assertThat(mapping.getProducesCondition().getProducibleMediaTypes())
                        .as("%s", mapping)
                        .containsExactly(MediaType.APPLICATION_JSON));
    }

    @Test
    void aDeclaredQueryParameterGivenWithoutAValueIsA400(@Autowired ApplicationContext context) {
        // Spring alone reads "?orderId=" as no filter (the whole trail) and "?limit=" as the default;
        // the description allows no empty value, so a client that sends one is told, not guessed for.
        var olivia = Tokens.as(http, context, "olivia");
        var sam = Tokens.as(http, context, "sam");
        for (var request : List.of(
                Map.entry(olivia, "/api/audit?orderId="),
                Map.entry(olivia, "/api/audit?limit=5&customerId="),
                Map.entry(olivia, "/api/audit?limit="),
                Map.entry(sam, "/api/shipments?orderId="))) {
            var parameter = request.getValue().replaceFirst(".*[?&]([a-zA-Z]+)=$", "$1");
            invalidParameter(request.getKey(), request.getValue(), parameter);
        }
        http.get()
                .uri(URI.create("/api/catalog/products?unused="))
                .exchange()
                .expectStatus()
                .isOk();
    }

    /** GETs the URI as it is (not encoded again): a 400 whose first error names the parameter. */
    private static void invalidParameter(RestTestClient client, String uri, String parameter) {
        client.get()
                .uri(URI.create(uri))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:seams:problem:invalid-request")
                .jsonPath("$.errors[0].field")
                .isEqualTo(parameter);
    }

    @Test
    void headIsPublicWhereGetIs() {
        http.head().uri("/api/catalog/products").exchange().expectStatus().isOk();
        http.head().uri("/api/orders").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theLocationOfACreatedOrderIsItsOwnUriWithoutTheRequestsQuery() {
        var location = ada.post()
                .uri("/api/orders?note=x&page=2")
                .contentType(MediaType.APPLICATION_JSON)
                .body(ONE_MUG)
                .exchange()
                .expectStatus()
                .isCreated()
                .returnResult(String.class)
                .getResponseHeaders()
                .getLocation();

        assertThat(location).isNotNull();
        assertThat(location.getQuery()).isNull();
        assertThat(location.getPath()).matches("/api/orders/[0-9a-f-]{36}");
    }

    @Test
    void aCharsetInAcceptIsIgnoredForJsonWhichIsUtf8() {
        // Spring MVC alone ran the operation, then found no way to write UTF-16 and answered 500 for an
        // order it had placed: a client that retried without a key placed it twice.
        for (var accept : List.of("application/json;charset=utf-16", "application/json;charset=bogus")) {
            var orders = countOrders();
            placeOneMugAccepting(accept)
                    .expectStatus()
                    .isCreated()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_JSON);
            assertThat(countOrders()).as(accept).isEqualTo(orders + 1);
        }
    }

    @Test
    void anAcceptThatCannotBeParsedOrRefusesJsonIsAProblemBeforeAnythingIsWritten() {
        var orders = countOrders();
        for (var refusal : List.of(
                Map.entry("garbage", 400),
                Map.entry("application/json;q=abc", 400),
                Map.entry("application/json;q=0, */*", 406),
                Map.entry("*/*;q=0", 406))) {
            placeOneMugAccepting(refusal.getKey())
                    .expectStatus()
                    .isEqualTo(refusal.getValue())
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo(
                            refusal.getValue() == 400
                                    ? "urn:seams:problem:malformed-request"
                                    : "urn:seams:problem:not-acceptable")
                    .jsonPath("$.instance")
                    .isEqualTo("/api/orders");
        }
        assertThat(countOrders()).isEqualTo(orders);
    }

    @Test
    void aBodyIsApplicationJsonInUtf8AndNothingJacksonCouldAlsoRead() {
        var orders = countOrders();
        // An overlong form of "-" (C0 AD), which a lenient decoder reads as MUG-CLASSIC.
        var overlong = bytes("{\"lines\":[{\"sku\":\"MUG", 0xC0, 0xAD, "CLASSIC\",\"quantity\":1}]}");
        var utf16 = ONE_MUG.getBytes(StandardCharsets.UTF_16LE);
        for (var body : List.of(overlong, utf16)) {
            refusedAsMalformed(body)
                    .jsonPath("$.detail")
                    .value(detail -> assertThat((String) detail).startsWith("The request body is not UTF-8"));
        }
        for (var type : List.of(
                "application/problem+json", "application/vnd.example+json", "application/json;charset=ISO-8859-1")) {
            ada.post()
                    .uri("/api/orders")
                    .contentType(MediaType.parseMediaType(type))
                    .body(ONE_MUG)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(415)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:seams:problem:unsupported-media-type");
        }
        assertThat(countOrders()).isEqualTo(orders);
        ada.post()
                .uri("/api/orders")
                .contentType(MediaType.parseMediaType("application/json;charset=UTF-8"))
                .body(ONE_MUG)
                .exchange()
                .expectStatus()
                .isCreated();
    }

    @Test
    void anOperationThatTakesNoBodyRefusesOneAndDoesNothing() {
        var location = ada.post()
                .uri("/api/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .body(ONE_MUG)
                .exchange()
                .expectStatus()
                .isCreated()
                .returnResult(String.class)
                .getResponseHeaders()
                .getLocation();

        ada.post()
                .uri(location + "/cancel")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{junk")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:seams:problem:malformed-request")
                .jsonPath("$.detail")
                .isEqualTo("This operation takes no request body: send the request without one");
        assertThat(jdbc.sql("SELECT status FROM orders.purchase_order WHERE id = ?::uuid")
                        .param(location.getPath().substring("/api/orders/".length()))
                        .query(String.class)
                        .single())
                .isNotEqualTo("CANCELLED")
                .isNotEqualTo("CANCELLATION_REQUESTED");
        ada.post().uri(location + "/cancel").exchange().expectStatus().is2xxSuccessful();
    }

    @Test
    void aParameterOrHeaderThatTakesOneValueIsGivenOnce(@Autowired ApplicationContext context) {
        var olivia = Tokens.as(http, context, "olivia");
        var sam = Tokens.as(http, context, "sam");
        var order = "3f2c8a4e-9b1d-4c7e-8f00-5a6b7c8d9e0f";
        invalidParameter(sam, "/api/shipments?orderId=" + order + "&orderId=" + order, "orderId");
        invalidParameter(olivia, "/api/audit?limit=1&limit=2", "limit");
        var orders = countOrders();
        ada.post()
                .uri("/api/orders")
                .header("Idempotency-Key", "first", "second")
                .contentType(MediaType.APPLICATION_JSON)
                .body(ONE_MUG)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("Idempotency-Key")
                .jsonPath("$.errors[0].message")
                .isEqualTo("is given 2 times: give it once");
        assertThat(countOrders()).isEqualTo(orders);
    }

    @Test
    void aParameterOfTheWrongTypeOrMissingIsNamedNotEchoed(@Autowired ApplicationContext context) {
        invalidParameter(ada, "/api/orders/not-a-uuid", "id");
        invalidParameter(Tokens.as(http, context, "sam"), "/api/shipments", "orderId");
        invalidParameter(Tokens.as(http, context, "olivia"), "/api/audit?limit=abc", "limit");
    }

    /** Ada orders one mug, accepting what {@code accept} says. */
    private RestTestClient.ResponseSpec placeOneMugAccepting(String accept) {
        return ada.post()
                .uri("/api/orders")
                .header("Accept", accept)
                .contentType(MediaType.APPLICATION_JSON)
                .body(ONE_MUG)
                .exchange();
    }

    /** Posts the body as Ada's order: a 400 {@code malformed-request} problem, to check further. */
    private RestTestClient.BodyContentSpec refusedAsMalformed(Object body) {
        return ada.post()
                .uri("/api/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:seams:problem:malformed-request");
    }

    private static byte[] bytes(Object... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (var part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    private long countOrders() {
        return count("orders.purchase_order");
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
