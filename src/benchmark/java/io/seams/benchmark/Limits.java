package io.seams.benchmark;

import io.seams.benchmark.limits.KafkaRoundTrip;
import io.seams.benchmark.limits.PingApplication;
import io.seams.shop.testing.JavaProcess;
import io.seams.shop.testing.KafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machine's own limits for the parts of the flow: L1 the database, L2 an HTTP call, L3 a Kafka round trip. */
final class Limits {

    private final Settings settings;
    private final Progress progress;

    Limits(Settings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * L1: every captured statement of one order (every transaction, on every Seams connection, while
     * it settled), replayed at the monolith's connection pool size.
     */
    Map<String, Object> database(Postgres postgres, String database, List<DatabaseCeiling.Transaction> order)
            throws Exception {
        var concurrency = 10;
        progress.say(
                "L1: replaying one order's %d transactions (%d statements) with JDBC, %d connections, %ds",
                order.size(),
                order.stream().mapToInt(t -> t.statements().size()).sum(),
                concurrency,
                settings.limit().toSeconds());
        DatabaseCeiling.replay(order, concurrency, Duration.ofSeconds(2), () -> postgres.connect(database));
        var start = System.nanoTime();
        var outcome = DatabaseCeiling.replay(order, concurrency, settings.limit(), () -> postgres.connect(database));
        var seconds = (System.nanoTime() - start) / 1e9;
        var json = new LinkedHashMap<String, Object>();
        json.put(
                "method",
                "every statement of every connection but the benchmark's own, captured with log_statement=all"
                        + " from placing one order (nothing else running) until it was confirmed and no event"
                        + " publication was incomplete; replayed with plain JDBC on " + concurrency
                        + " connections, transactions as they were (BEGIN..COMMIT/ROLLBACK, auto-commit"
                        + " statements alone), every UUID fresh per replay, random benchmark products");
        json.put("concurrency", concurrency);
        json.put("transactions_per_order", order.size());
        json.put(
                "read_only_transactions_per_order",
                order.stream()
                        .filter(t -> t.statements().stream()
                                .allMatch(statement ->
                                        statement.sql().trim().toUpperCase().startsWith("SELECT")))
                        .count());
        json.put(
                "statements_per_order",
                order.stream().mapToInt(t -> t.statements().size()).sum());
        json.put("orders_per_s", outcome[0] / seconds);
        json.put("replays", outcome[0]);
        json.put("failed_replays", outcome[1]);
        if (outcome[1] > 0) {
            json.put("last_error", String.valueOf(DatabaseCeiling.lastError));
        }
        json.put(
                "statements",
                order.stream()
                        .map(t -> t.statements().stream()
                                .map(s -> s.sql().replaceAll("\\s+", " "))
                                .toList())
                        .toList());
        progress.say("L1: %.0f orders/s (%d replays failed)", outcome[0] / seconds, outcome[1]);
        return json;
    }

    /** L2: {@code GET /ping} on a Boot app of its own (Tomcat, Spring MVC), open loop at {@code rate}. */
    Map<String, Object> http(Path home, double rate) throws Exception {
        var port = KafkaBroker.freePort();
        var arguments = new ArrayList<>(Topology.JVM);
        arguments.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                PingApplication.class.getName(),
                "--server.port=" + port,
                "--spring.main.banner-mode=off"));
        var process = JavaProcess.start(home, home.resolve("logs").resolve("ping.log"), arguments)
                .toHandle();
        try {
            var http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            var ping = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ping"))
                    .timeout(Duration.ofSeconds(10))
                    .build();
            var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                try {
                    if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (java.io.IOException notYet) {
                    if (System.nanoTime() > deadline || !process.isAlive()) {
                        throw new IllegalStateException("The ping application did not start; see its log");
                    }
                    Thread.sleep(100);
                }
            }
            OpenLoop.Request request = () -> http.sendAsync(ping, HttpResponse.BodyHandlers.discarding())
                    .thenApply(response -> response.statusCode() == 200);
            progress.say(
                    "L2: GET /ping at %.0f/s for %ds", rate, settings.limit().toSeconds());
            OpenLoop.run(rate, settings.stepWarmUp().plusSeconds(3), Duration.ofSeconds(10), request);
            var result = OpenLoop.run(rate, settings.limit(), Duration.ofSeconds(10), request);
            var json = new LinkedHashMap<String, Object>();
            json.put("rate_per_s", rate);
            json.put("latency", Latencies.of(result.latencies()).toJson());
            json.put("failed", result.failed());
            progress.say("L2: p50 %.2f ms", Latencies.of(result.latencies()).p50());
            return json;
        } finally {
            JavaProcess.stop(process, Duration.ofSeconds(10));
        }
    }

    /** L3: an event-sized message produced and consumed back on the broker, open loop at {@code rate}. */
    Map<String, Object> kafka(KafkaBroker kafka, double rate, int messageBytes) throws Exception {
        try (var roundTrip = new KafkaRoundTrip(kafka.bootstrapServers(), messageBytes)) {
            roundTrip.awaitReady(Duration.ofSeconds(60));
            progress.say(
                    "L3: Kafka round trip of %d bytes at %.0f/s for %ds",
                    messageBytes, rate, settings.limit().toSeconds());
            OpenLoop.run(rate, settings.stepWarmUp().plusSeconds(3), Duration.ofSeconds(10), roundTrip::send);
            var result = OpenLoop.run(rate, settings.limit(), Duration.ofSeconds(10), roundTrip::send);
            var json = new LinkedHashMap<String, Object>();
            json.put("rate_per_s", rate);
            json.put("message_bytes", messageBytes);
            json.put("latency", Latencies.of(result.latencies()).toJson());
            json.put("failed", result.failed());
            progress.say("L3: p50 %.2f ms", Latencies.of(result.latencies()).p50());
            return json;
        }
    }
}
