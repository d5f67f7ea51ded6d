package io.seams.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The benchmark's pure parts: the load generator, the statistics, the statement capture, the report's formats. */
class BenchmarkToolsTests {

    @Test
    void anOpenLoopSendsAtTheRateAskedForWhateverTheAnswersTake() {
        var result = OpenLoop.run(
                200,
                Duration.ofMillis(500),
                Duration.ofSeconds(5),
                () -> CompletableFuture.supplyAsync(
                        () -> true, CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS)));

        assertThat(result.sent()).isBetween(95L, 101L);
        assertThat(result.succeeded()).isEqualTo(result.sent());
        assertThat(Latencies.of(result.latencies()).p50()).isBetween(19.0, 200.0);
    }

    @Test
    void theConfirmationRateOfAProbeIsTheOfferedRateWhateverTheLatencyAndTheDrainRateWhenBehind() {
        var start = java.time.Instant.parse("2026-01-01T00:00:00Z");
        // 100 orders offered over 10 s, each confirmed 2 s later: kept up, at 10 a second.
        var keptUp = new OrderLedger.Outcome(
                Map.of(),
                100,
                new long[0],
                start,
                start.plusSeconds(2),
                start.plusMillis(11_900),
                0,
                Map.of(),
                Map.of());
        // 100 orders offered over 10 s, confirmed 5 a second from 0.1 s on: the drain rate.
        var behind = new OrderLedger.Outcome(
                Map.of(),
                100,
                new long[0],
                start,
                start.plusMillis(100),
                start.plusMillis(19_900),
                0,
                Map.of(),
                Map.of());

        assertThat(LoadRun.confirmationRate(keptUp)).isCloseTo(10.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(LoadRun.confirmationRate(behind)).isCloseTo(5.0, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void anOpenLoopCountsTheWaitOfRequestsThatWereDueDuringAStall() {
        var first = new boolean[] {true};
        // The first send blocks the sender for 200 ms: the requests due meanwhile go late, and their
        // latency is measured from when they were due, not from when they were sent.
        var result = OpenLoop.run(100, Duration.ofMillis(400), Duration.ofSeconds(5), () -> {
            if (first[0]) {
                first[0] = false;
                sleep(200);
            }
            return CompletableFuture.completedFuture(true);
        });

        assertThat(Latencies.of(result.latencies()).p90()).isGreaterThan(50);
    }

    @Test
    void aClosedLoopKeepsTheGivenNumberOfRequestsInFlight() {
        var result = OpenLoop.closed(
                4,
                Duration.ofMillis(300),
                () -> CompletableFuture.supplyAsync(
                        () -> true, CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS)));

        assertThat(result.achievedPerSecond()).isBetween(150.0, 450.0);
    }

    @Test
    void percentilesAreInMilliseconds() {
        var histogram = new Histogram(OpenLoop.MAX_MICROS, 3);
        for (int i = 1; i <= 1000; i++) {
            histogram.recordValue(i * 1000L);
        }

        var latencies = Latencies.of(histogram);

        assertThat(latencies.count()).isEqualTo(1000);
        assertThat(latencies.p50()).isBetween(499.0, 501.0);
        assertThat(latencies.p99()).isBetween(989.0, 991.0);
        assertThat(latencies.max()).isBetween(999.0, 1001.0);
    }

    @Test
    void cpuTicksAreReadBehindACommandWithSpaces() {
        var stat = "4242 (java thing) S 1 4242 4242 0 -1 4194560 100 0 0 0 150 50 7 3 20 0 30 0 1000 0 0";

        assertThat(ProcessMeter.ticks(stat)).isEqualTo(150 + 50 + 7 + 3);
    }

    @Test
    void theCaptureKeepsEveryTransactionOfEveryConnectionButTheHarnessesAsItWas() {
        var order = "11111111-2222-4333-8444-555555555555";
        var log = String.join(
                "\n",
                "100|PostgreSQL JDBC Driver|LOG:  statement: BEGIN READ ONLY",
                "100|PostgreSQL JDBC Driver|LOG:  execute S_1: SELECT name FROM catalog.product WHERE sku = $1",
                "100|PostgreSQL JDBC Driver|DETAIL:  Parameters: $1 = 'BENCH-001'",
                "100|PostgreSQL JDBC Driver|LOG:  execute S_2: COMMIT",
                "100|PostgreSQL JDBC Driver|LOG:  execute <unnamed>: BEGIN",
                "100|PostgreSQL JDBC Driver|LOG:  execute <unnamed>: INSERT INTO orders.purchase_order (id, status)",
                "\tVALUES ($1, $2)",
                "100|PostgreSQL JDBC Driver|DETAIL:  Parameters: $1 = '" + order + "', $2 = 'PLACED'",
                "200||LOG:  statement: SET application_name = 'benchmark'",
                "200|benchmark|LOG:  execute S_1: SELECT count(*) FROM events.event_publication",
                "300|PostgreSQL JDBC Driver|LOG:  execute S_3: SELECT pg_advisory_xact_lock(hashtext($1))",
                "300|PostgreSQL JDBC Driver|DETAIL:  Parameters: $1 = 'customer'",
                "100|PostgreSQL JDBC Driver|LOG:  execute S_2: UPDATE inventory.stock SET available = $1 WHERE sku = $2",
                "100|PostgreSQL JDBC Driver|DETAIL:  parameters: $1 = NULL, $2 = 'it''s'",
                "100|PostgreSQL JDBC Driver|LOG:  execute S_3: COMMIT",
                "400|PostgreSQL JDBC Driver|LOG:  statement: BEGIN",
                "400|PostgreSQL JDBC Driver|LOG:  statement: DELETE FROM events.event_publication WHERE id = $1",
                "400|PostgreSQL JDBC Driver|LOG:  statement: ROLLBACK",
                "500|PostgreSQL JDBC Driver|LOG:  statement: BEGIN",
                "500|PostgreSQL JDBC Driver|LOG:  statement: SELECT 'still open at the end'");

        var transactions = DatabaseCeiling.parse(log, "benchmark");

        // In the order they ended: the read-only one, the advisory lock (auto-commit), the order, the rollback.
        assertThat(transactions).hasSize(4);
        assertThat(transactions)
                .extracting(DatabaseCeiling.Transaction::explicit, DatabaseCeiling.Transaction::committed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(true, true),
                        org.assertj.core.groups.Tuple.tuple(false, true),
                        org.assertj.core.groups.Tuple.tuple(true, true),
                        org.assertj.core.groups.Tuple.tuple(true, false));
        assertThat(transactions.get(1).statements().get(0).parameters()).containsExactly("customer");
        var statements = transactions.get(2).statements();
        assertThat(statements)
                .extracting(DatabaseCeiling.Statement::sql)
                .containsExactly(
                        "INSERT INTO orders.purchase_order (id, status)\n\tVALUES ($1, $2)",
                        "UPDATE inventory.stock SET available = $1 WHERE sku = $2");
        assertThat(statements.get(1).parameters()).containsExactly(null, "it's");
        assertThat(DatabaseCeiling.statements(transactions)).isEqualTo(5);
        assertThat(transactions)
                .flatExtracting(DatabaseCeiling.Transaction::statements)
                .extracting(DatabaseCeiling.Statement::sql)
                .noneMatch(sql -> sql.contains("count(*)") || sql.contains("still open"));
    }

    @Test
    void theWarmUpHasSettledOnceTheRateStopsClimbingOrEnoughOrdersWentThrough() {
        // Still compiling: each window confirms more than the last.
        assertThat(LoadRun.settled(List.of(4.0, 6.0, 9.0), 900, 1500)).isFalse();
        // Two windows within 5 %, after a third of the orders.
        assertThat(LoadRun.settled(List.of(6.0, 12.0, 12.4), 600, 1500)).isTrue();
        // Within 5 % but too early to tell.
        assertThat(LoadRun.settled(List.of(4.0, 4.1), 80, 1500)).isFalse();
        // Enough orders, whatever the rates.
        assertThat(LoadRun.settled(List.of(30.0, 45.0), 1500, 1500)).isTrue();
    }

    @Test
    void theStatementLogOfARealServerTellsTheHarnessApartFromTheApplication(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
        try (var postgres = Postgres.start(folder.resolve("postgres"))) {
            postgres.createDatabase("shop");
            try (var application = java.sql.DriverManager.getConnection(postgres.url("shop"), "postgres", "");
                    var harness = postgres.connect("shop")) {
                application.createStatement().execute("CREATE TABLE item (id uuid PRIMARY KEY)");
                var offset = java.nio.file.Files.exists(postgres.log()) ? java.nio.file.Files.size(postgres.log()) : 0;
                postgres.logStatements(true);
                application.setAutoCommit(false);
                try (var insert = application.prepareStatement("INSERT INTO item (id) VALUES (?)")) {
                    insert.setObject(1, java.util.UUID.randomUUID());
                    insert.executeUpdate();
                }
                application.commit();
                application.setAutoCommit(true);
                application.createStatement().execute("SELECT count(*) FROM item");
                harness.createStatement().execute("SELECT 'harness' FROM item");
                postgres.logStatements(false);
                // The logging collector writes asynchronously: read until the last statement is there.
                var deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
                List<DatabaseCeiling.Transaction> transactions = List.of();
                while (System.nanoTime() < deadline && transactions.size() < 2) {
                    transactions = DatabaseCeiling.capture(postgres.log(), offset, Postgres.HARNESS);
                }

                assertThat(transactions)
                        .as(transactions.toString())
                        .extracting(DatabaseCeiling.Transaction::explicit)
                        .containsExactly(true, false);
                assertThat(transactions.get(0).statements().get(0).sql()).startsWith("INSERT INTO item");
                assertThat(transactions.get(0).statements().get(0).parameters()).hasSize(1);
                assertThat(transactions)
                        .flatExtracting(DatabaseCeiling.Transaction::statements)
                        .extracting(DatabaseCeiling.Statement::sql)
                        .noneMatch(sql -> sql.contains("harness") || sql.contains("ALTER SYSTEM"));
            }
        }
    }

    @Test
    void marginalCpuLeavesOutWhatTheProcessesUseWhenIdle() {
        var used = new LinkedHashMap<String, Double>();
        used.put("monolith", 3.0);
        used.put("postgres", 1.0);
        used.put("total", 4.0);

        var marginal = ProcessMeter.marginal(used, Map.of("monolith", 0.05, "postgres", 0.01), 20);

        assertThat(marginal.get("monolith")).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(marginal.get("postgres")).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(marginal.get("total")).isCloseTo(2.8, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theSystemHasRecoveredFromTheFirstSecondAfterWhichEveryMedianIsBackNearTheBaseline() {
        var buckets = new java.util.TreeMap<Long, List<Long>>();
        buckets.put(0L, List.of(900_000L, 950_000L, 990_000L));
        buckets.put(1L, List.of(20_000L, 300_000L, 400_000L));
        buckets.put(2L, List.of(20_000L, 25_000L, 400_000L));
        buckets.put(3L, List.of(18_000L, 22_000L, 30_000L));
        buckets.put(4L, List.of(18_000L, 22_000L, 30_000L));

        assertThat(LoadRun.recoveredAt(buckets, java.util.Set.of(), 40_000)).isEqualTo(2L);
        // An order of a later second never confirmed: not recovered before it.
        assertThat(LoadRun.recoveredAt(buckets, java.util.Set.of(3L), 40_000)).isEqualTo(4L);
        assertThat(LoadRun.recoveredAt(buckets, java.util.Set.of(), 10_000)).isNull();
    }

    @Test
    void theTargetsCompareEachTopologyAtItsOwnFractionsAndTheHopsAtTheSameRate() {
        var results = new LinkedHashMap<String, Object>();
        var topologies = new LinkedHashMap<String, Object>();
        results.put("topologies", topologies);
        topologies.put(
                "T0",
                topology(
                        40,
                        6,
                        30,
                        List.of(
                                step("25%", 10, 10, 12, 30, 20),
                                step("50%", 20, 10, 12, 40, 20),
                                step("75%", 30, 12, 15, 50, 21),
                                step("saturation", 40, 20, 40, 400, 22),
                                step(Benchmark.AT_T2_HOP_RATE, 10, 8, 10, 25, 20))));
        topologies.put(
                "T2",
                topology(
                        20,
                        4,
                        6,
                        List.of(
                                step("25%", 5, 20, 40, 100, 40),
                                step("50%", 10, 20, 50, 200, 44),
                                step("75%", 15, 30, 60, 300, 45),
                                step("saturation", 20, 50, 200, 900, 46))));
        var overload = new LinkedHashMap<String, Object>();
        overload.put("http_accepted", Map.of("p99_ms", 800.0));
        overload.put("lost", 0L);
        overload.put("shed", 120L);
        overload.put("recovery", Map.of("recovery_s", 4L, "recovered", true, "lost", 0L));
        map(topologies, "T0").put("overload", overload);
        results.put(
                "limits",
                Map.of(
                        "L1", Map.of("orders_per_s", 50.0),
                        "L2", Map.of("latency", Map.of("p50_ms", 2.0)),
                        "L3", Map.of("latency", Map.of("p50_ms", 3.0))));

        var derived = Report.derive(results);

        @SuppressWarnings("unchecked")
        var ratios = (Map<String, Object>) derived.get("ratios");
        assertThat((double) ratios.get("t0_saturation_over_l1")).isEqualTo(0.8);
        assertThat((double) ratios.get("t2_saturation_over_t0")).isEqualTo(0.5);
        // HTTP: T2's 50 % step (10/s) against T0 at 10/s: 20 - 8 = 12 ms for one hop, 10 over L2.
        assertThat((double) ratios.get("http_hop_over_l2_ms")).isEqualTo(10.0);
        // Kafka: completion 50 - 10 = 40 ms over 4 hops, 10 each, 7 over L3.
        assertThat((double) ratios.get("kafka_hop_over_l3_ms")).isEqualTo(7.0);
        assertThat((double) ratios.get("t2_over_t0_cpu_per_order_at_50")).isEqualTo(2.2);
        @SuppressWarnings("unchecked")
        var targets = (List<Map<String, Object>>) derived.get("targets");
        assertThat(targets)
                .extracting(
                        target -> target.get("target"), target -> target.get("required"), target -> target.get("met"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "T0 saturation / L1 (fair L1: every statement and transaction of an order)",
                                "≥ 0.6",
                                true),
                        org.assertj.core.groups.Tuple.tuple("T2 saturation / T0 saturation", "≥ 0.4", true),
                        org.assertj.core.groups.Tuple.tuple(
                                "HTTP hop, median added over L2 p50, at ≤ 60 % of T2's saturation", "≤ 5 ms", false),
                        org.assertj.core.groups.Tuple.tuple(
                                "Kafka hop, median added over L3 p50, at ≤ 60 % of T2's saturation", "≤ 10 ms", true),
                        org.assertj.core.groups.Tuple.tuple(
                                "T0 order completion p99 at 50 % of T0's saturation", "≤ 50 ms", true),
                        org.assertj.core.groups.Tuple.tuple(
                                "T2 order completion p99 at 50 % of T2's saturation", "≤ 250 ms", true),
                        org.assertj.core.groups.Tuple.tuple(
                                "CPU per order T2 / T0 (marginal, all processes)", "≤ 2.5", true),
                        org.assertj.core.groups.Tuple.tuple(
                                "ready: monolith / single-module process (median of 5, migrated database)",
                                "≤ 8 s / ≤ 5 s",
                                true),
                        org.assertj.core.groups.Tuple.tuple(
                                "overload step at 2× T0 saturation: accepted p99, lost, recovery",
                                "≤ 1 s, 0, ≤ 10 s",
                                true),
                        org.assertj.core.groups.Tuple.tuple("lost orders in every step", "0", true));
    }

    private static Map<String, Object> topology(
            double saturation, double ready, double javaJar, List<Map<String, Object>> steps) {
        var json = new LinkedHashMap<String, Object>();
        json.put("saturation", Map.of("saturation_per_s", saturation, "lost", 0L));
        json.put("steps", steps);
        json.put("ready_seconds", Map.of("median", ready, "java_jar_median", javaJar));
        return json;
    }

    private static Map<String, Object> step(
            String label, double rate, double httpP50, double completionP50, double completionP99, double cpu) {
        var json = new LinkedHashMap<String, Object>();
        json.put("step", label);
        json.put("offered_per_s", rate);
        json.put("lost", 0L);
        json.put("http", Map.of("p50_ms", httpP50, "p99_ms", 2 * httpP50));
        json.put("completion", Map.of("p50_ms", completionP50, "p99_ms", completionP99));
        json.put("cpu_ms_per_order", cpu);
        return json;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> json, String key) {
        return (Map<String, Object>) json.get(key);
    }

    @Test
    void aReplayGetsFreshIdsAndDistinctProductsConsistentlyWithinIt() {
        var ids = new HashMap<String, String>();
        var products = new HashMap<String, String>();
        var id = "11111111-2222-4333-8444-555555555555";

        var first = DatabaseCeiling.fresh("{\"orderId\":\"" + id + "\",\"sku\":\"BENCH-001\"}", ids, products);
        var second = DatabaseCeiling.fresh(id + " BENCH-001 BENCH-002", ids, products);

        assertThat(first).doesNotContain(id);
        assertThat(second).startsWith(ids.get(id) + " " + products.get("BENCH-001") + " ");
        assertThat(products.get("BENCH-001")).isNotEqualTo(products.get("BENCH-002"));
    }

    @Test
    void jsonIsWrittenWithEscapesAndNesting() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "a \"quoted\"\nline");
        value.put("numbers", List.of(1, 2.5));
        value.put("nothing", null);

        assertThat(Json.write(value).replaceAll("\\s+", ""))
                .isEqualTo("{\"name\":\"a\\\"quoted\\\"\\nline\",\"numbers\":[1,2.5],\"nothing\":null}");
    }

    @Test
    void aChartIsAnSvgWithALineAndALegendEntryPerSeries() {
        var svg = Charts.lines(
                "Latency",
                "orders/s",
                "ms",
                true,
                List.of(
                        new Charts.Series(
                                "T0 p50", "#000", "", List.of(new Charts.Point(10, 2), new Charts.Point(20, 3))),
                        new Charts.Series(
                                "T2 p50",
                                "#f00",
                                "6 4",
                                List.of(new Charts.Point(10, 20), new Charts.Point(20, 300)))));

        assertThat(svg).startsWith("<svg").endsWith("</svg>\n");
        assertThat(svg.split("<polyline", -1)).hasSize(3);
        assertThat(svg).contains("T0 p50", "T2 p50", "stroke-dasharray=\"6 4\"");
        assertThat(Charts.niceCeiling(370)).isEqualTo(500);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
