package io.seams.shop.platform.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seams.shop.platform.adapters.web.BadRequests.Attempt;
import io.seams.shop.platform.adapters.web.BadRequests.Endpoint;
import io.seams.shop.testing.InProcessSeams;
import io.seams.shop.testing.TestDatabases;
import io.seams.shop.testing.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Property-based: random and malformed requests ({@link BadRequests}) to every endpoint of the API,
 * sent by every kind of caller. Whatever arrives, Seams answers below 500, with an RFC 9457 problem
 * and no stack trace, and a rejected request writes nothing (the audit trail records the attempt,
 * by design: docs/security.md).
 *
 * <p>How many: {@code -Dseams.bad-input.requests} (300 per build; docs/operations.md has a run of
 * 10,000). Which: {@code -Dseams.bad-input.seed}, printed at the start and in every failure, so a
 * failing request is sent again by running with the same seed — alone, with {@code
 * -Dseams.bad-input.first} set to its index and one request.
 */
class BadInputTests {

    private static final Pattern STACK_TRACE = Pattern.compile("\\tat |Exception|\\.java:\\d+|org\\.springframework");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = Integer.getInteger("seams.bad-input.requests", 300);
    private static final int FIRST = Integer.getInteger("seams.bad-input.first", 0);
    private static final long SEED =
            Long.getLong("seams.bad-input.seed", ThreadLocalRandom.current().nextLong());

    private static ConfigurableApplicationContext seams;
    private static HttpClient client;
    private static String baseUrl;
    private static Map<String, String> tokens;
    private static List<Endpoint> endpoints;
    private static BadRequests requests;
    private static JdbcClient database;
    private static final Map<Integer, AtomicInteger> statuses = new TreeMap<>();
    private static final AtomicInteger rejectedWritingNothing = new AtomicInteger();

    @BeforeAll
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
        requests = new BadRequests(SEED, endpoints, List.copyOf(tokens.keySet()));
    }

    @AfterAll
    static void stopSeams() {
        int total = statuses.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.printf(
                "Bad input (seed %d): %d random requests to %d endpoints -> statuses %s; %d answered 5xx,"
                        + " %d rejected requests checked to have written nothing%n",
                SEED,
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

    @Test
    void noRequestBreaksTheApiOrWritesWhenRejected() throws Exception {
        System.out.printf(
                "Bad input: %d requests from seed %d (-Dseams.bad-input.seed=%d sends them again)%n",
                REQUESTS, SEED, SEED);
        for (long index = FIRST; index < FIRST + REQUESTS; index++) {
            check(requests.attempt(index));
        }
    }

    private static void check(Attempt attempt) throws Exception {
        var replay = "seed " + SEED + ", " + attempt + " (alone: -Dseams.bad-input.seed=" + SEED
                + " -Dseams.bad-input.first=" + attempt.index() + " -Dseams.bad-input.requests=1)";
        var before = dataFingerprint();
        var response = send(attempt);
        statuses.computeIfAbsent(response.statusCode(), status -> new AtomicInteger())
                .incrementAndGet();

        assertThat(response.statusCode()).as(replay).isBetween(200, 499);
        assertThat(response.body()).as(replay).doesNotContainPattern(STACK_TRACE);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(replay)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(response.body()).path("status").asInt())
                    .as(replay)
                    .isEqualTo(response.statusCode());
            assertThat(dataFingerprint()).as("data after " + replay).isEqualTo(before);
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
