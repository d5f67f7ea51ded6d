package io.seams.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's report: the ratios and targets derived from the measurements, the raw results as
 * JSON ({@code results.json}), the tables as Markdown ({@code results.md}, also printed) and the
 * charts as SVG.
 */
final class Report {

    /** Remote hops on the way from placed to confirmed in T2: OrderPlaced, StockReserved, OrderReserved, PaymentAuthorized. */
    static final int KAFKA_HOPS = 4;

    /** Remote calls while an order is placed in T2: the price lookup in catalog. */
    static final int HTTP_HOPS = 1;

    private static final String[] TOPOLOGIES = {"T0", "T2"};
    private static final Map<String, String> COLOURS = Map.of("T0", "#1f77b4", "T2", "#d62728");

    private Report() {}

    static void write(Map<String, Object> results, Path folder) throws IOException {
        Files.createDirectories(folder);
        // The measurements first, so that a failure below loses none of them.
        Files.writeString(folder.resolve("results.json"), Json.write(results));
        results.put("derived", derive(results));
        Files.writeString(folder.resolve("results.json"), Json.write(results));
        Files.writeString(folder.resolve("results.md"), markdown(results));
        Files.writeString(
                folder.resolve("latency-http.svg"), latencyChart(results, "http", "HTTP response (POST /api/orders)"));
        Files.writeString(
                folder.resolve("latency-completion.svg"),
                latencyChart(results, "completion", "Order completion (placed → confirmed)"));
        Files.writeString(
                folder.resolve("latency-events.svg"),
                latencyChart(results, "event_delivery", "Event delivery (published → handled)"));
        Files.writeString(folder.resolve("throughput.svg"), throughputChart(results));
    }

    /** Ratios and targets from the measurements. */
    static Map<String, Object> derive(Map<String, Object> results) {
        var ratios = new LinkedHashMap<String, Object>();
        var t0Saturation = number(results, "topologies", "T0", "saturation", "saturation_per_s");
        var t2Saturation = number(results, "topologies", "T2", "saturation", "saturation_per_s");
        var l1 = number(results, "limits", "L1", "orders_per_s");
        var l2 = number(results, "limits", "L2", "latency", "p50_ms");
        var l3 = number(results, "limits", "L3", "latency", "p50_ms");
        var t0Half = half(results, "T0");
        // What the split costs is compared where both topologies keep up: at the highest step whose
        // rate is within T2's own saturation (above it, T2's latencies are its queue, not its hops).
        var compared = comparedStep(results);
        var t0Step = step(results, "T0", compared);
        var t2Step = step(results, "T2", compared);
        ratios.put("t0_saturation_over_l1", t0Saturation / l1);
        ratios.put("t2_saturation_over_t0", t2Saturation / t0Saturation);
        ratios.put("t2_vs_t0_compared_at_step", compared);
        for (var latency : List.of("http", "completion")) {
            for (var percentile : List.of("p50_ms", "p99_ms")) {
                ratios.put(
                        "t2_over_t0_" + latency + "_" + percentile.replace("_ms", ""),
                        number(t2Step, latency, percentile) / number(t0Step, latency, percentile));
            }
        }
        ratios.put("t2_over_t0_cpu_per_order", number(t2Step, "cpu_ms_per_order") / number(t0Step, "cpu_ms_per_order"));
        var httpHop = (number(t2Step, "http", "p50_ms") - number(t0Step, "http", "p50_ms")) / HTTP_HOPS;
        var kafkaHop = (number(t2Step, "completion", "p50_ms") - number(t0Step, "completion", "p50_ms")) / KAFKA_HOPS;
        ratios.put("http_hop_added_p50_ms", httpHop);
        ratios.put("http_hop_over_l2_ms", httpHop - l2);
        ratios.put("kafka_hop_added_p50_ms", kafkaHop);
        ratios.put("kafka_hop_over_l3_ms", kafkaHop - l3);
        var targets = new ArrayList<Map<String, Object>>();
        targets.add(target("T0 saturation ≥ 50 % of L1", t0Saturation / l1 * 100, "%", t0Saturation >= 0.5 * l1));
        var t0CompletionP99 = number(t0Half, "completion", "p99_ms");
        targets.add(
                target("T0 order completion p99 ≤ 50 ms at 50 % load", t0CompletionP99, "ms", t0CompletionP99 <= 50));
        targets.add(target("T2 adds ≤ 2 ms median per HTTP hop over L2", httpHop - l2, "ms", httpHop - l2 <= 2));
        targets.add(target("T2 adds ≤ 2 ms median per Kafka hop over L3", kafkaHop - l3, "ms", kafkaHop - l3 <= 2));
        var monolithReady = number(results, "topologies", "T0", "ready_seconds", "median");
        var moduleReady = number(results, "topologies", "T2", "ready_seconds", "median");
        targets.add(target("monolith ready ≤ 8 s", monolithReady, "s", monolithReady <= 8));
        targets.add(target("single-module process ready ≤ 5 s", moduleReady, "s", moduleReady <= 5));
        var derived = new LinkedHashMap<String, Object>();
        derived.put("ratios", ratios);
        derived.put("targets", targets);
        return derived;
    }

    private static Map<String, Object> target(String name, double value, String unit, boolean met) {
        var json = new LinkedHashMap<String, Object>();
        json.put("target", name);
        json.put("value", value);
        json.put("unit", unit);
        json.put("met", met);
        return json;
    }

    /** The tables, in Markdown. */
    static String table(Map<String, Object> results) {
        var out = new StringBuilder();
        out.append("| | T0 monolith | T2 split |\n|---|---|---|\n");
        row(
                out,
                "saturation (orders/s)",
                t -> format("%.1f", number(results, "topologies", t, "saturation", "saturation_per_s")));
        row(
                out,
                "CPU per order at the " + comparedStep(results) + " step (ms, all processes)",
                t -> format("%.1f", number(step(results, t, comparedStep(results)), "cpu_ms_per_order")));
        row(
                out,
                "idle CPU (cores, all processes)",
                t -> format("%.2f", number(results, "topologies", t, "idle_cpu_cores", "total")));
        row(out, "peak RSS (MiB)", t -> rss(map(results, "topologies", t, "peak_rss_mib")));
        row(
                out,
                "ready (median s)",
                t -> format(
                        "%.1f (%s)",
                        number(results, "topologies", t, "ready_seconds", "median"),
                        map(results, "topologies", t, "ready_seconds").get("process")));
        row(out, "ready, jar extracted, with CDS (median s)", t -> {
            var cds = map(results, "topologies", t, "ready_seconds").get("extracted_cds_median");
            return cds instanceof Number seconds ? format("%.1f", seconds.doubleValue()) : "–";
        });
        out.append("\n| topology | step | offered/s | accepted | completed | lost | HTTP p50 / p90 / p99 / p99.9 ms"
                + " | completion p50 / p90 / p99 / p99.9 ms | event delivery p50 / p99 ms | CPU ms/order |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (var topology : TOPOLOGIES) {
            for (var step : steps(results, topology)) {
                out.append(format(
                        "| %s | %s | %.0f | %d | %d | %d | %s | %s | %.1f / %.1f | %.1f |%n",
                        topology,
                        step.get("step"),
                        number(step, "offered_per_s"),
                        ((Number) step.get("accepted")).longValue(),
                        ((Number) step.get("completed")).longValue(),
                        ((Number) step.get("lost")).longValue(),
                        percentiles(map(step, "http")),
                        percentiles(map(step, "completion")),
                        number(step, "event_delivery", "p50_ms"),
                        number(step, "event_delivery", "p99_ms"),
                        number(step, "cpu_ms_per_order")));
            }
        }
        out.append("\n| limit | measured |\n|---|---|\n");
        out.append(format(
                "| L1 database: one order's statements replayed with JDBC | %.0f orders/s (%s failed replays) |%n",
                number(results, "limits", "L1", "orders_per_s"),
                map(results, "limits", "L1").get("failed_replays")));
        out.append(format(
                "| L2 HTTP: GET /ping on Boot (Tomcat, MVC) | p50 %.2f ms, p99 %.2f ms |%n",
                number(results, "limits", "L2", "latency", "p50_ms"),
                number(results, "limits", "L2", "latency", "p99_ms")));
        out.append(format(
                "| L3 Kafka: produce → consume, %s bytes | p50 %.2f ms, p99 %.2f ms |%n",
                map(results, "limits", "L3").get("message_bytes"),
                number(results, "limits", "L3", "latency", "p50_ms"),
                number(results, "limits", "L3", "latency", "p99_ms")));
        out.append("\n| ratio | value |\n|---|---|\n");
        map(results, "derived", "ratios")
                .forEach((name, value) -> out.append(
                        value instanceof Number number
                                ? format("| %s | %.2f |%n", name, number.doubleValue())
                                : format("| %s | %s |%n", name, value)));
        out.append("\n| target | Seams | met |\n|---|---|---|\n");
        for (var target : list(results, "derived", "targets")) {
            out.append(format(
                    "| %s | %.1f %s | %s |%n",
                    target.get("target"),
                    number(target, "value"),
                    target.get("unit"),
                    Boolean.TRUE.equals(target.get("met")) ? "yes" : "**no**"));
        }
        return out.toString();
    }

    private static String markdown(Map<String, Object> results) {
        var out = new StringBuilder("# Benchmark results\n\n");
        out.append("Generated by `./mvnw -Dbenchmark` (see [README.md](README.md) for how to read it); raw data in"
                + " [results.json](results.json).\n\n");
        var environment = map(results, "environment");
        out.append(format(
                "Run %s on %s; git %s; wall time %s s.%n%n",
                environment.get("started"),
                map(environment, "machine"),
                map(environment, "git").get("commit"),
                results.get("wall_seconds")));
        out.append(table(results));
        out.append("\n![HTTP latency](latency-http.svg)\n![Order completion](latency-completion.svg)\n");
        out.append("![Event delivery](latency-events.svg)\n![Throughput](throughput.svg)\n");
        var profile = java.util.Optional.ofNullable(map(results, "topologies", "T0", "profiled_step"))
                .map(step -> map(step, "profile"));
        if (profile.isPresent()) {
            out.append(format(
                    "%n## Where the monolith's CPU goes at 50 %% load (JFR, %s samples)%n",
                    profile.get().get("samples")));
            for (var ranking : List.of("top_packages_self", "top_methods_self", "top_seams_methods_total")) {
                out.append("\n| ").append(ranking).append(" | % of samples |\n|---|---|\n");
                for (var row : list(profile.get(), ranking)) {
                    out.append(format("| `%s` | %.1f |%n", row.get("frame"), number(row, "percent")));
                }
            }
        }
        return out.toString();
    }

    private static String latencyChart(Map<String, Object> results, String latency, String title) {
        var series = new ArrayList<Charts.Series>();
        for (var topology : TOPOLOGIES) {
            for (var percentile : List.of("p50_ms", "p99_ms", "p99_9_ms")) {
                var points = steps(results, topology).stream()
                        .map(step -> new Charts.Point(number(step, "offered_per_s"), number(step, latency, percentile)))
                        .sorted(java.util.Comparator.comparingDouble(Charts.Point::x))
                        .toList();
                var dash = percentile.equals("p50_ms") ? "" : percentile.equals("p99_ms") ? "6 4" : "2 3";
                series.add(new Charts.Series(
                        topology + " " + percentile.replace("_ms", "").replace('_', '.'),
                        COLOURS.get(topology),
                        dash,
                        points));
            }
        }
        return Charts.lines(title, "offered load (orders/s)", "latency (ms, log scale)", true, series);
    }

    private static String throughputChart(Map<String, Object> results) {
        var series = new ArrayList<Charts.Series>();
        var maxOffered = 0.0;
        for (var topology : TOPOLOGIES) {
            var points = steps(results, topology).stream()
                    .map(step -> new Charts.Point(number(step, "offered_per_s"), number(step, "completed_per_s")))
                    .sorted(java.util.Comparator.comparingDouble(Charts.Point::x))
                    .toList();
            maxOffered = Math.max(
                    maxOffered,
                    points.stream().mapToDouble(Charts.Point::x).max().orElse(0));
            series.add(new Charts.Series(topology + " confirmed/s", COLOURS.get(topology), "", points));
        }
        series.add(new Charts.Series(
                "offered",
                "#999999",
                "4 4",
                List.of(new Charts.Point(0, 0), new Charts.Point(maxOffered, maxOffered))));
        return Charts.lines(
                "Throughput vs offered load", "offered load (orders/s)", "orders confirmed per second", false, series);
    }

    private static void row(StringBuilder out, String name, java.util.function.Function<String, String> value) {
        out.append("| ").append(name);
        for (var topology : TOPOLOGIES) {
            out.append(" | ").append(value.apply(topology));
        }
        out.append(" |\n");
    }

    private static String rss(Map<String, Object> rss) {
        var parts = new ArrayList<String>();
        rss.forEach((name, value) -> parts.add(format("%s %.0f", name, ((Number) value).doubleValue())));
        return String.join(", ", parts);
    }

    private static String percentiles(Map<String, Object> latency) {
        return format(
                "%.1f / %.1f / %.1f / %.1f",
                number(latency, "p50_ms"),
                number(latency, "p90_ms"),
                number(latency, "p99_ms"),
                number(latency, "p99_9_ms"));
    }

    private static Map<String, Object> half(Map<String, Object> results, String topology) {
        return step(results, topology, "50%");
    }

    private static Map<String, Object> step(Map<String, Object> results, String topology, String label) {
        return steps(results, topology).stream()
                .filter(step -> label.equals(step.get("step")))
                .findFirst()
                .orElseThrow();
    }

    /** The highest of the 25, 50 and 75 % steps that T2 was offered no more than its saturation (25 % at least). */
    static String comparedStep(Map<String, Object> results) {
        var t2Saturation = number(results, "topologies", "T2", "saturation", "saturation_per_s");
        var compared = "25%";
        for (var step : steps(results, "T2")) {
            var label = String.valueOf(step.get("step"));
            if (label.endsWith("%") && number(step, "offered_per_s") <= t2Saturation) {
                compared = label;
            }
        }
        return compared;
    }

    static List<Map<String, Object>> steps(Map<String, Object> results, String topology) {
        return list(results, "topologies", topology, "steps");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> json, String... path) {
        Object value = json;
        for (var key : path) {
            value = ((Map<String, Object>) value).get(key);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> json, String... path) {
        var parent = map(json, java.util.Arrays.copyOf(path, path.length - 1));
        return (List<Map<String, Object>>) parent.get(path[path.length - 1]);
    }

    static double number(Map<String, Object> json, String... path) {
        var parent = map(json, java.util.Arrays.copyOf(path, path.length - 1));
        var value = parent == null ? null : parent.get(path[path.length - 1]);
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
