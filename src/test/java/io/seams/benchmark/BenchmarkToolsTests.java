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
                Map.of(), 100, new long[0], start, start.plusSeconds(2), start.plusMillis(11_900), 0);
        // 100 orders offered over 10 s, confirmed 5 a second from 0.1 s on: the drain rate.
        var behind = new OrderLedger.Outcome(
                Map.of(), 100, new long[0], start, start.plusMillis(100), start.plusMillis(19_900), 0);

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
    void theCaptureKeepsTheCommittedTransactionsThatConcernTheOrder() {
        var order = "11111111-2222-4333-8444-555555555555";
        var log = String.join(
                "\n",
                "100LOG:  statement: BEGIN READ ONLY",
                "100LOG:  execute S_1: COMMIT",
                "100 LOG:  execute <unnamed>: BEGIN",
                "100 LOG:  execute <unnamed>: INSERT INTO orders.purchase_order (id, status)",
                "\tVALUES ($1, $2)",
                "100DETAIL:  Parameters: $1 = '" + order + "', $2 = 'PLACED'",
                "200 LOG:  execute S_1: SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL",
                "100 LOG:  execute S_2: UPDATE inventory.stock SET available = $1 WHERE sku = $2",
                "100 DETAIL:  parameters: $1 = NULL, $2 = 'it''s'",
                "100 LOG:  execute S_3: COMMIT");

        var transactions = DatabaseCeiling.parse(log, order);

        assertThat(transactions).hasSize(1);
        var statements = transactions.get(0).statements();
        assertThat(statements)
                .extracting(DatabaseCeiling.Statement::sql)
                .containsExactly(
                        "INSERT INTO orders.purchase_order (id, status)\n\tVALUES ($1, $2)",
                        "UPDATE inventory.stock SET available = $1 WHERE sku = $2");
        assertThat(statements.get(1).parameters()).containsExactly(null, "it's");
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
