package io.seams.shop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seams.shop.testing.InProcessSeams;
import io.seams.shop.testing.TestDatabases;
import io.seams.shop.testing.Tokens;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Property-based: random and malformed requests to every endpoint of the API — broken JSON, wrong
 * types, huge numbers, huge and deeply nested payloads, odd Unicode, wrong content types, odd path
 * variables — sent by every kind of caller. Whatever arrives, Seams answers below 500, with an RFC
 * 9457 problem and no stack trace, and a rejected request writes nothing (the audit trail records
 * the attempt, by design: docs/security.md).
 */
class BadInputTests {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+}");
    private static final Pattern STACK_TRACE = Pattern.compile("\\tat |Exception|\\.java:\\d+|org\\.springframework");
    private static final List<String> FIELDS = List.of(
            "lines",
            "sku",
            "quantity",
            "name",
            "email",
            "address",
            "street",
            "city",
            "postalCode",
            "country",
            "carrier",
            "trackingNumber",
            "reason",
            "status",
            "id",
            "customerId",
            "orderId",
            "currency",
            "amount");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ConfigurableApplicationContext seams;
    private static HttpClient client;
    private static String baseUrl;
    private static Map<String, String> tokens;
    private static List<Endpoint> endpoints;
    private static JdbcClient database;
    private static final Map<Integer, AtomicInteger> statuses = new TreeMap<>();
    private static final AtomicInteger rejectedWritingNothing = new AtomicInteger();

    record Endpoint(String method, String pattern) {}

    record Attempt(
            Endpoint endpoint, List<String> pathValues, String caller, Optional<String> contentType, byte[] body) {

        @Override
        public String toString() {
            var shown = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return endpoint.method() + " " + path() + " as " + caller + " (" + contentType.orElse("no content type")
                    + ", " + body.length + " bytes): " + shown;
        }

        String path() {
            var matcher = PATH_VARIABLE.matcher(endpoint.pattern());
            var path = new StringBuilder();
            int value = 0;
            while (matcher.find()) {
                matcher.appendReplacement(path, "");
                path.append(URLEncoder.encode(pathValues.get(value++ % pathValues.size()), StandardCharsets.UTF_8)
                        .replace("+", "%20"));
            }
            matcher.appendTail(path);
            return path.toString();
        }
    }

    @BeforeContainer
    static void startSeams() {
        var database = TestDatabases.fresh();
        seams = InProcessSeams.on(database).run();
        BadInputTests.database = seams.getBean(JdbcClient.class);
        baseUrl = "http://127.0.0.1:" + seams.getEnvironment().getProperty("local.server.port");
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        tokens = new LinkedHashMap<>();
        tokens.put("nobody", "");
        for (var account : List.of("ada", "alan", "sam", "olivia")) {
            tokens.put(account, Tokens.of(seams, account));
        }
        endpoints = new ArrayList<>();
        seams.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()
                .forEach(mapping -> mapping.getHandlerMethods().keySet().forEach(info -> {
                    for (var pattern : info.getPatternValues()) {
                        if (pattern.startsWith("/api/") || pattern.startsWith("/internal/")) {
                            var methods = info.getMethodsCondition().getMethods();
                            methods.forEach(method -> endpoints.add(new Endpoint(method.name(), pattern)));
                            if (methods.isEmpty()) {
                                endpoints.add(new Endpoint("GET", pattern));
                            }
                        }
                    }
                }));
        assertThat(endpoints).contains(new Endpoint("POST", "/api/orders"));
    }

    @AfterContainer
    static void stopSeams() {
        int total = statuses.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.printf(
                "Bad input: %d random requests to %d endpoints -> statuses %s; %d answered 5xx,"
                        + " %d rejected requests checked to have written nothing%n",
                total,
                endpoints.size(),
                statuses,
                statuses.entrySet().stream()
                        .filter(status -> status.getKey() >= 500)
                        .mapToInt(status -> status.getValue().get())
                        .sum(),
                rejectedWritingNothing.get());
        seams.close();
    }

    @Property(tries = 400)
    void noRequestBreaksTheApiOrWritesWhenRejected(@ForAll("attempts") Attempt attempt) throws Exception {
        var before = dataFingerprint();
        var response = send(attempt);
        statuses.computeIfAbsent(response.statusCode(), status -> new AtomicInteger())
                .incrementAndGet();

        assertThat(response.statusCode()).as(attempt.toString()).isBetween(200, 499);
        assertThat(response.body()).as(attempt.toString()).doesNotContainPattern(STACK_TRACE);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(attempt.toString())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(response.body()).path("status").asInt())
                    .as(attempt.toString())
                    .isEqualTo(response.statusCode());
            assertThat(dataFingerprint()).as("data after " + attempt).isEqualTo(before);
            rejectedWritingNothing.incrementAndGet();
        } else {
            // Accepted work goes on in the background; the next attempt starts from a quiet database.
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> database.sql("SELECT count(*) FROM events.event_publication")
                                    .query(Long.class)
                                    .single()
                            == 0);
        }
    }

    @Provide
    Arbitrary<Attempt> attempts() {
        return Combinators.combine(
                        Arbitraries.of(endpoints),
                        pathValues().list().ofMinSize(1).ofMaxSize(2),
                        Arbitraries.of(tokens.keySet()),
                        contentTypes(),
                        bodies())
                .as(Attempt::new);
    }

    private static Arbitrary<String> pathValues() {
        return Arbitraries.oneOf(
                Arbitraries.create(() -> UUID.randomUUID().toString()),
                Arbitraries.of("not-an-id", "..", "%00", "0", "-1", "99999999999999999999999999", "null", "\u202eevil"),
                oddStrings().filter(value -> !value.isEmpty()));
    }

    private static Arbitrary<Optional<String>> contentTypes() {
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, Arbitraries.just("application/json")),
                        net.jqwik.api.Tuple.of(
                                4,
                                Arbitraries.of(
                                        "text/plain",
                                        "application/xml",
                                        "application/x-www-form-urlencoded",
                                        "multipart/form-data; boundary=x",
                                        "application/json; charset=ISO-8859-1",
                                        "application/octet-stream",
                                        "application/merge-patch+json",
                                        "nonsense",
                                        ";;;")))
                .map(Optional::of)
                .injectNull(0.1)
                .map(type -> type == null ? Optional.<String>empty() : type);
    }

    private static Arbitrary<byte[]> bodies() {
        return Arbitraries.oneOf(
                jsonValues(4).map(BadInputTests::write),
                mangle(jsonValues(3).map(BadInputTests::write)),
                Arbitraries.integers().between(50, 20_000).map(BadInputTests::deeplyNested),
                Arbitraries.integers().between(60_000, 200_000).map(BadInputTests::huge),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                Arbitraries.just(new byte[0]));
    }

    private static Arbitrary<Object> jsonValues(int depth) {
        var scalars = Arbitraries.<Object>oneOf(
                oddStrings(),
                Arbitraries.integers().map(Object.class::cast),
                Arbitraries.bigIntegers()
                        .between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(400))
                        .map(Object.class::cast),
                Arbitraries.of(new BigDecimal("1e400"), new BigDecimal("-0.000000000000000000001"), BigDecimal.ZERO)
                        .map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.just(null));
        if (depth == 0) {
            return scalars;
        }
        var keys = Arbitraries.oneOf(Arbitraries.of(FIELDS), oddStrings());
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, scalars),
                net.jqwik.api.Tuple.of(
                        2, jsonValues(depth - 1).list().ofMaxSize(4).map(Object.class::cast)),
                net.jqwik.api.Tuple.of(
                        4,
                        Arbitraries.maps(keys, jsonValues(depth - 1))
                                .ofMaxSize(5)
                                .map(Object.class::cast)));
    }

    /** Strings a careless API trips over: control characters, NUL, surrogates, RTL overrides, long runs. */
    private static Arbitrary<String> oddStrings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.of(
                        "",
                        "\u0000",
                        "a\u0000b",
                        "\uD800",
                        "\uDFFF\uD800",
                        "\u202Eadmin",
                        "e\u0301\u0301\u0301",
                        "👩‍👩‍👧‍👦",
                        "\uFEFF",
                        "' OR 1=1 --",
                        "<script>alert(1)</script>",
                        "NOTEBOOK-A5",
                        "x".repeat(10_000)));
    }

    private static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Well-formed JSON broken somewhere: cut short, a byte changed, a brace lost. */
    private static Arbitrary<byte[]> mangle(Arbitrary<byte[]> json) {
        return Combinators.combine(json, Arbitraries.integers().between(0, 1000), Arbitraries.of('{', '"', ',', '\\'))
                .as((bytes, at, character) -> {
                    if (bytes.length == 0) {
                        return new byte[] {(byte) character.charValue()};
                    }
                    var broken = bytes.clone();
                    broken[at % broken.length] = (byte) character.charValue();
                    return java.util.Arrays.copyOf(broken, Math.max(1, broken.length - at % 3));
                });
    }

    private static byte[] deeplyNested(int depth) {
        return ("{\"lines\":" + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] huge(int size) {
        return ("{\"lines\":[{\"sku\":\"" + "A".repeat(size) + "\",\"quantity\":1}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(Attempt attempt) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + attempt.path()))
                .timeout(Duration.ofSeconds(10))
                .method(attempt.endpoint().method(), HttpRequest.BodyPublishers.ofByteArray(attempt.body()));
        attempt.contentType().ifPresent(type -> request.header("Content-Type", type));
        var token = tokens.get(attempt.caller());
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every row of every module's tables, except the audit trail and the event registry. */
    private static Map<String, String> dataFingerprint() {
        var fingerprint = new TreeMap<String, String>();
        database.sql("""
                        SELECT table_schema || '.' || table_name FROM information_schema.tables
                        WHERE table_type = 'BASE TABLE'
                          AND table_schema NOT IN ('pg_catalog', 'information_schema', 'audit', 'events')""")
                .query(String.class)
                .list()
                .forEach(table -> fingerprint.put(
                        table,
                        database.sql(
                                        "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '')"
                                                + " FROM " + table + " t")
                                .query(String.class)
                                .single()));
        return fingerprint;
    }
}
