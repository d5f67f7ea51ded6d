package io.seams.shop.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.fitness.Fitness;
import io.seams.fitness.Readiness;
import io.seams.fitness.ReadinessReport;
import io.seams.shop.SeamsApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/migration.md's generated parts are what the build gives: Seams' readiness table, its module
 * graph, the extraction order and the weights (from the readiness rule), and the measured costs of
 * a split (from docs/benchmarks/results.json). Each sits between {@code <!-- name:begin -->} and
 * {@code <!-- name:end -->}; {@code -Dfitness.update-readiness-baseline=true} rewrites them along
 * with the readiness baseline.
 */
class MigrationGuideTests {

    static final Path GUIDE = Path.of("docs/migration.md");
    static final Path RESULTS = Path.of("docs/benchmarks/results.json");

    @Test
    @Tag("ex-12")
    void theGuidesGeneratedPartsAreTheBuildsOwn() throws IOException {
        var fitness = Fitness.of(SeamsApplication.class);
        var readiness = Readiness.of(fitness.application(), fitness.settings());
        var committed = Files.readString(GUIDE);

        var generated = committed;
        for (var section : sections(readiness).entrySet()) {
            generated = ReadinessReport.replaceSection(generated, section.getKey(), section.getValue());
        }

        if (readiness.settings().update()) {
            Files.writeString(GUIDE, generated);
            return;
        }
        assertThat(committed)
                .as("docs/migration.md is not what the build generates; regenerate it with "
                        + readiness.settings().acceptCommand())
                .isEqualTo(generated);
    }

    static Map<String, String> sections(Readiness.Result readiness) throws IOException {
        return Map.of(
                "readiness", ReadinessReport.markdownTable(readiness),
                "graph", "```mermaid\n" + ReadinessReport.mermaid(readiness) + "```\n",
                "order", ReadinessReport.extractionOrder(readiness),
                "weights", weights(readiness),
                "costs", costs(JsonMapper.builder().build().readTree(RESULTS.toFile())));
    }

    static String weights(Readiness.Result readiness) {
        var settings = readiness.settings();
        var text = new StringBuilder("| dimension | what it measures | weight |\n|---|---|---:|\n");
        for (var dimension : Readiness.Dimension.values()) {
            text.append("| `%s` | %s | %s |\n"
                    .formatted(
                            dimension.id,
                            dimension.title,
                            number(settings.weights().get(dimension), 0)));
        }
        text.append("\nBands: **READY** ≥ %d, **EXTRACTABLE** %d–%d (with the listed work), **ENTANGLED** < %d,"
                        .formatted(
                                settings.ready(), settings.extractable(), settings.ready() - 1, settings.extractable()))
                .append(" **BLOCKED** when a hard gate breaks (score 0).\n");
        return text.toString();
    }

    /** The measured costs of the split, from the benchmark's results. */
    static String costs(JsonNode results) {
        var t0 = results.get("topologies").get("T0");
        var t2 = results.get("topologies").get("T2");
        var ratios = results.get("derived").get("ratios");
        var t0Half = step(t0, "50%");
        var t2Half = step(t2, "50%");
        var t0AtT2 = step(t0, "at T2's 50% rate");
        var text = new StringBuilder();
        text.append("Measured by `./mvnw -Dbenchmark` on %d cores (%s), commit %s; T0 is the monolith, T2 the split"
                        .formatted(
                                results.get("environment")
                                        .get("machine")
                                        .get("cores")
                                        .asInt(),
                                results.get("environment")
                                        .get("machine")
                                        .get("cpu")
                                        .asString(),
                                results.get("environment")
                                        .get("git")
                                        .get("commit")
                                        .asString()
                                        .substring(0, 10)))
                .append(" into three Seams processes (")
                .append(t2.get("description").asString().replaceFirst("^split: ", ""))
                .append(").\n\n");
        text.append("| figure | monolith (T0) | split (T2) | split / monolith |\n|---|---:|---:|---:|\n");
        row(
                text,
                "orders/s at saturation",
                num(t0, "saturation", "saturation_per_s"),
                num(t2, "saturation", "saturation_per_s"),
                2);
        row(
                text,
                "placing an order, HTTP p50 (ms), at %s orders/s (the same rate)"
                        .formatted(number(t2Half.get("offered_per_s").asDouble(), 1)),
                t0AtT2.get("http").get("p50_ms").asDouble(),
                t2Half.get("http").get("p50_ms").asDouble(),
                2);
        row(
                text,
                "placed to confirmed, p50 (ms), same rate",
                t0AtT2.get("completion").get("p50_ms").asDouble(),
                t2Half.get("completion").get("p50_ms").asDouble(),
                2);
        row(
                text,
                "placed to confirmed, p99 (ms), same rate",
                t0AtT2.get("completion").get("p99_ms").asDouble(),
                t2Half.get("completion").get("p99_ms").asDouble(),
                2);
        row(
                text,
                "CPU per order (ms, every process), same rate",
                t0AtT2.get("cpu_ms_per_order").asDouble(),
                t2Half.get("cpu_ms_per_order").asDouble(),
                2);
        row(
                text,
                "CPU per order (ms), each at 50 % of its own saturation",
                t0Half.get("cpu_ms_per_order").asDouble(),
                t2Half.get("cpu_ms_per_order").asDouble(),
                2);
        row(
                text,
                "idle CPU (cores, every process)",
                t0.get("idle_cpu_cores").get("total").asDouble(),
                t2.get("idle_cpu_cores").get("total").asDouble(),
                3);
        row(text, "peak memory (MiB, every process)", sum(t0.get("peak_rss_mib")), sum(t2.get("peak_rss_mib")), 2);
        row(
                text,
                "ready after start (s, median; T2: one single-module process)",
                t0.get("ready_seconds").get("median").asDouble(),
                t2.get("ready_seconds").get("median").asDouble(),
                2);
        text.append("| processes to run and watch | %d | %d | |\n"
                .formatted(t0.get("peak_rss_mib").size(), t2.get("peak_rss_mib").size()));
        text.append("\nWhat one seam adds, at %s orders/s: a synchronous HTTP call %s ms at the median (%s ms more than"
                        .formatted(
                                number(
                                        ratios.get("hops_costed_at_offered_per_s")
                                                .asDouble(),
                                        1),
                                number(ratios.get("http_hop_added_p50_ms").asDouble(), 1),
                                number(ratios.get("http_hop_over_l2_ms").asDouble(), 1)))
                .append(" the cheapest HTTP call on the same stack), an event over Kafka %s ms at the median."
                        .formatted(number(ratios.get("kafka_hop_added_p50_ms").asDouble(), 1)))
                .append(" Lost orders in every step: %s.\n"
                        .formatted(lostEverywhere(results) ? "none" : "some (see docs/benchmarks/results.md)"));
        return text.toString();
    }

    private static JsonNode step(JsonNode topology, String name) {
        for (var step : topology.get("steps")) {
            if (step.get("step").asString().equals(name)) {
                return step;
            }
        }
        throw new IllegalStateException("no step " + name + " in docs/benchmarks/results.json");
    }

    private static double num(JsonNode topology, String object, String field) {
        return topology.get(object).get(field).asDouble();
    }

    private static double sum(JsonNode values) {
        double total = 0;
        for (var value : values) {
            total += value.asDouble();
        }
        return total;
    }

    private static boolean lostEverywhere(JsonNode results) {
        for (var topology : results.get("topologies")) {
            for (var step : topology.get("steps")) {
                if (step.get("lost").asInt() != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void row(StringBuilder text, String figure, double monolith, double split, int decimals) {
        text.append("| %s | %s | %s | %s |\n"
                .formatted(
                        figure,
                        number(monolith, decimals == 3 ? 3 : 1),
                        number(split, decimals == 3 ? 3 : 1),
                        number(split / monolith, 2)));
    }

    private static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
