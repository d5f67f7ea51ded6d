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

    /** How each figure was taken, in results.md. */
    static final String METHOD = """

            ## How each figure was taken

            - **Order**: the split (T2) runs first, then the monolith (T0); each on a PostgreSQL server of its own,
              Seams configured as in production (the event publication registry in `delete` mode).
            - **JIT warm-up**: a closed loop (at most 8 orders placed and not yet confirmed) until the configured
              number of orders (1,500) were confirmed or, after a third of them, two consecutive windows'
              confirmation rates were within 5 % of each other (or its time limit passed: then reported as not
              settled); then a wait until it drained.
            - **Drained**: every accepted order has a `CONFIRMED` timeline entry and no process's
              `events.event_publication` holds an incomplete publication (bounded waits). Every probe, step
              warm-up and measured window starts drained; a window closes when its own orders drained.
            - **Saturation**: open-loop probes from the warm-up's last rate, ×1.3 while all orders are confirmed
              at ≥ 90 % of the offered rate; the highest confirmation rate reached.
            - **Steps**: 25/50/75/100 % of **each topology's own** saturation (ratios T2/T0 at equal fractions);
              T0 also at the rate of T2's 50 % step, the baseline of the hop costs.
            - **Hops**: at T2's 50 % step (≤ 60 % of its saturation) against T0 at the same rate. HTTP: the
              difference of the POST p50s over the one price lookup (it happens before `placed_at`); Kafka: the
              difference of the completion p50s (`placed_at` → `CONFIRMED`) over the 4 hops; "over L2/L3" subtracts
              the L2/L3 p50.
            - **Latencies**: HTTP from each request's intended send time (open loop); completion and the timeline
              stages from the timestamps the processes wrote (`orders.purchase_order.placed_at`,
              `tracking.timeline_entry.occurred_at` — each event's time, kept in `delete` mode). There is no
              published → handled figure per listener any more: completed publications are deleted.
            - **CPU per order (marginal)**: CPU of every Seams JVM, PostgreSQL (postmaster and backends, but not the
              benchmark's own backends) and Kafka over the window (from its start until its orders drained), minus
              the idle CPU (measured for the limit's length after the warm-up drained) times the window's length,
              divided by the orders confirmed. The benchmark polls over one long-lived connection per database
              (`ApplicationName=benchmark`) every 500 ms.
            - **L1**: every statement of every connection but the benchmark's, logged (`log_statement = all`,
              `log_line_prefix = '%p|%a|'`) from placing one order (nothing else running) until it was confirmed
              and no publication was incomplete; replayed on 10 JDBC connections, transactions as they were, every
              UUID fresh per replay.
            - **Overload**: open loop at 2× T0's saturation for the configured time, then at once 25 % of its
              saturation (recovery load); answers counted by status (shed = 503/429); lost = accepted − confirmed
              after a bounded wait; accepted p99 from the accepted requests' latencies; recovery = from the end of
              the overload to the first second of the recovery load from which every second's median end-to-end
              latency (request sent → confirmed) stays ≤ 2× the 25 % step's.
            - **Ready**: the jar extracted with a CDS archive from one training run, started 5 times alone on the
              migrated database (median; the target's figure); `java -jar` once for comparison.
            """;

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
                latencyChart(results, "event_delivery", "Placed → stock reserved (timeline; T2: one Kafka hop)"));
        Files.writeString(folder.resolve("throughput.svg"), throughputChart(results));
    }

    /** The step of T2 at which the hops are costed, and of T0 at the same offered rate. */
    static final String HOP_STEP = "50%";

    /** Ratios and targets from the measurements. */
    static Map<String, Object> derive(Map<String, Object> results) {
        var ratios = new LinkedHashMap<String, Object>();
        var t0Saturation = number(results, "topologies", "T0", "saturation", "saturation_per_s");
        var t2Saturation = number(results, "topologies", "T2", "saturation", "saturation_per_s");
        var l1 = number(results, "limits", "L1", "orders_per_s");
        var l2 = number(results, "limits", "L2", "latency", "p50_ms");
        var l3 = number(results, "limits", "L3", "latency", "p50_ms");
        ratios.put("t0_saturation_over_l1", t0Saturation / l1);
        ratios.put("t2_saturation_over_t0", t2Saturation / t0Saturation);
        // Each topology at the same fraction of its own saturation.
        for (var label : List.of("25%", "50%", "75%")) {
            var t0Step = step(results, "T0", label);
            var t2Step = step(results, "T2", label);
            var suffix = "_at_" + label.replace("%", "");
            for (var latency : List.of("http", "completion")) {
                for (var percentile : List.of("p50_ms", "p99_ms")) {
                    ratios.put(
                            "t2_over_t0_" + latency + "_" + percentile.replace("_ms", "") + suffix,
                            number(t2Step, latency, percentile) / number(t0Step, latency, percentile));
                }
            }
            ratios.put(
                    "t2_over_t0_cpu_per_order" + suffix,
                    number(t2Step, "cpu_ms_per_order") / number(t0Step, "cpu_ms_per_order"));
        }
        // The hops: T2 at its 50 % step against T0 at the same offered rate, both well under capacity.
        var t2Hop = step(results, "T2", HOP_STEP);
        var t0Base = step(results, "T0", Benchmark.AT_T2_HOP_RATE);
        ratios.put("hops_costed_at_offered_per_s", number(t2Hop, "offered_per_s"));
        ratios.put("hops_costed_at_fraction_of_t2_saturation", number(t2Hop, "offered_per_s") / t2Saturation);
        // The price lookup happens in POST /api/orders, before the order's placed_at: it shows in the
        // HTTP latency. The four Kafka hops come after placed_at: they show in the completion latency.
        var httpHop = (number(t2Hop, "http", "p50_ms") - number(t0Base, "http", "p50_ms")) / HTTP_HOPS;
        var kafkaHop = (number(t2Hop, "completion", "p50_ms") - number(t0Base, "completion", "p50_ms")) / KAFKA_HOPS;
        ratios.put("http_hop_added_p50_ms", httpHop);
        ratios.put("http_hop_over_l2_ms", httpHop - l2);
        ratios.put("kafka_hop_added_p50_ms", kafkaHop);
        ratios.put("kafka_hop_over_l3_ms", kafkaHop - l3);
        var cpuRatio = ratio(ratios, "t2_over_t0_cpu_per_order_at_50");
        var targets = new ArrayList<Map<String, Object>>();
        targets.add(target(
                "T0 saturation / L1 (fair L1: every statement and transaction of an order)",
                "≥ 0.6",
                format("%.2f (%.1f / %.1f orders/s)", t0Saturation / l1, t0Saturation, l1),
                t0Saturation / l1 >= 0.6));
        targets.add(target(
                "T2 saturation / T0 saturation",
                "≥ 0.4",
                format("%.2f (%.1f / %.1f orders/s)", t2Saturation / t0Saturation, t2Saturation, t0Saturation),
                t2Saturation / t0Saturation >= 0.4));
        targets.add(target(
                "HTTP hop, median added over L2 p50, at ≤ 60 % of T2's saturation",
                "≤ 5 ms",
                format(
                        "%.1f ms (%.1f added, L2 p50 %.1f; at %.1f orders/s)",
                        httpHop - l2, httpHop, l2, number(t2Hop, "offered_per_s")),
                httpHop - l2 <= 5));
        targets.add(target(
                "Kafka hop, median added over L3 p50, at ≤ 60 % of T2's saturation",
                "≤ 10 ms",
                format(
                        "%.1f ms (%.1f added, L3 p50 %.1f; at %.1f orders/s)",
                        kafkaHop - l3, kafkaHop, l3, number(t2Hop, "offered_per_s")),
                kafkaHop - l3 <= 10));
        var t0P99 = number(step(results, "T0", "50%"), "completion", "p99_ms");
        targets.add(target(
                "T0 order completion p99 at 50 % of T0's saturation",
                "≤ 50 ms", format("%.1f ms", t0P99), t0P99 <= 50));
        var t2P99 = number(step(results, "T2", "50%"), "completion", "p99_ms");
        targets.add(target(
                "T2 order completion p99 at 50 % of T2's saturation",
                "≤ 250 ms", format("%.1f ms", t2P99), t2P99 <= 250));
        targets.add(target(
                "CPU per order T2 / T0 (marginal, all processes)",
                "≤ 2.5",
                format(
                        "%.2f (%.1f / %.1f ms, at 50 %% of each one's saturation)",
                        cpuRatio,
                        number(step(results, "T2", "50%"), "cpu_ms_per_order"),
                        number(step(results, "T0", "50%"), "cpu_ms_per_order")),
                cpuRatio <= 2.5));
        var monolithReady = number(results, "topologies", "T0", "ready_seconds", "median");
        var moduleReady = number(results, "topologies", "T2", "ready_seconds", "median");
        targets.add(target(
                "ready: monolith / single-module process (median of 5, migrated database)",
                "≤ 8 s / ≤ 5 s",
                format("%.1f s / %.1f s (extracted, CDS)", monolithReady, moduleReady),
                monolithReady <= 8 && moduleReady <= 5));
        var overloadP99 = number(results, "topologies", "T0", "overload", "http_accepted", "p99_ms");
        var overloadLost = number(results, "topologies", "T0", "overload", "lost")
                + number(results, "topologies", "T0", "overload", "recovery", "lost");
        var recovery = number(results, "topologies", "T0", "overload", "recovery", "recovery_s");
        var recovered = Boolean.TRUE.equals(
                map(results, "topologies", "T0", "overload", "recovery").get("recovered"));
        targets.add(target(
                "overload step at 2× T0 saturation: accepted p99, lost, recovery",
                "≤ 1 s, 0, ≤ 10 s",
                format(
                        "%.2f s, %.0f, %s%.0f s (shed %.0f)",
                        overloadP99 / 1000,
                        overloadLost,
                        recovered ? "" : "> ",
                        recovery,
                        number(results, "topologies", "T0", "overload", "shed")),
                overloadP99 <= 1000 && overloadLost == 0 && recovered && recovery <= 10));
        var lost = lostEverywhere(results);
        targets.add(target("lost orders in every step", "0", format("%d", lost), lost == 0));
        var derived = new LinkedHashMap<String, Object>();
        derived.put("ratios", ratios);
        derived.put("targets", targets);
        return derived;
    }

    private static double ratio(Map<String, Object> ratios, String name) {
        return ratios.get(name) instanceof Number number ? number.doubleValue() : Double.NaN;
    }

    /** Orders accepted and never confirmed, in every phase of both topologies. */
    static long lostEverywhere(Map<String, Object> results) {
        long lost = 0;
        for (var topology : TOPOLOGIES) {
            var json = map(results, "topologies", topology);
            if (json == null) {
                continue;
            }
            var phases = new ArrayList<Map<String, Object>>();
            phases.addAll(steps(results, topology));
            for (var phase : List.of("warm_up", "saturation", "profiled_step", "overload")) {
                if (json.get(phase) != null) {
                    phases.add(map(json, phase));
                }
            }
            if (json.get("overload") != null && map(json, "overload").get("recovery") != null) {
                phases.add(map(json, "overload", "recovery"));
            }
            for (var phase : phases) {
                lost += phase.get("lost") instanceof Number number ? number.longValue() : 0;
            }
        }
        return lost;
    }

    private static Map<String, Object> target(String name, String required, String measured, boolean met) {
        var json = new LinkedHashMap<String, Object>();
        json.put("target", name);
        json.put("required", required);
        json.put("measured", measured);
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
                "JIT warm-up (orders confirmed, settled?)",
                t -> format(
                        "%.0f in %.0f s, %s",
                        number(results, "topologies", t, "warm_up", "completed"),
                        number(results, "topologies", t, "warm_up", "seconds"),
                        Boolean.TRUE.equals(
                                        map(results, "topologies", t, "warm_up").get("settled"))
                                ? "settled"
                                : "not settled (time limit)"));
        row(
                out,
                "CPU per order at 50 % of own saturation (ms, marginal, all processes)",
                t -> format("%.1f", number(step(results, t, "50%"), "cpu_ms_per_order")));
        row(
                out,
                "idle CPU (cores, all processes)",
                t -> format("%.2f", number(results, "topologies", t, "idle_cpu_cores", "total")));
        row(out, "peak RSS (MiB)", t -> rss(map(results, "topologies", t, "peak_rss_mib")));
        row(
                out,
                "ready, jar extracted, with CDS (s, median of 5)",
                t -> format(
                        "%.1f (%s)",
                        number(results, "topologies", t, "ready_seconds", "median"),
                        map(results, "topologies", t, "ready_seconds").get("process")));
        row(
                out,
                "ready, java -jar (one run, s)",
                t -> format("%.1f", number(results, "topologies", t, "ready_seconds", "java_jar_median")));
        out.append("\n| topology | step | offered/s | accepted | completed | lost | HTTP p50 / p90 / p99 / p99.9 ms"
                + " | completion p50 / p90 / p99 / p99.9 ms | placed → stock reserved p50 / p99 ms"
                + " | CPU ms/order (marginal) |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (var topology : TOPOLOGIES) {
            for (var step : steps(results, topology)) {
                out.append(format(
                        "| %s | %s | %.1f | %d | %d | %d | %s | %s | %.1f / %.1f | %.1f |%n",
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
        var overload = map(results, "topologies", "T0", "overload");
        if (overload != null) {
            out.append(
                    "\n| overload (T0) | offered/s | sent | answers | accepted | shed (503/429) | accepted HTTP p50 / p99"
                            + " ms | lost | drained after (s) | recovery at %s/s: back to ≤ %s ms after (s) |\n"
                                    .formatted(
                                            format("%.1f", number(overload, "recovery", "offered_per_s")),
                                            format("%.0f", number(overload, "recovery", "threshold_ms"))));
            out.append("|---|---|---|---|---|---|---|---|---|---|\n");
            out.append(format(
                    "| %d s at 2× saturation | %.1f | %d | %s | %d | %d | %.1f / %.1f | %d | %.0f | %s%.0f |%n",
                    ((Number) overload.get("seconds")).longValue(),
                    number(overload, "offered_per_s"),
                    ((Number) overload.get("sent")).longValue(),
                    overload.get("answers"),
                    ((Number) overload.get("accepted")).longValue(),
                    ((Number) overload.get("shed")).longValue(),
                    number(overload, "http_accepted", "p50_ms"),
                    number(overload, "http_accepted", "p99_ms"),
                    ((Number) overload.get("lost")).longValue(),
                    number(overload, "drain_s"),
                    Boolean.TRUE.equals(map(overload, "recovery").get("recovered")) ? "" : "not within ",
                    number(overload, "recovery", "recovery_s")));
        }
        out.append("\n| limit | measured |\n|---|---|\n");
        out.append(format(
                "| L1 database: every statement of one order (%s transactions, %s statements) replayed with JDBC"
                        + " | %.0f orders/s (%s failed replays) |%n",
                value(results, "limits", "L1", "transactions_per_order"),
                value(results, "limits", "L1", "statements_per_order"),
                number(results, "limits", "L1", "orders_per_s"),
                value(results, "limits", "L1", "failed_replays")));
        out.append(format(
                "| L2 HTTP: GET /ping on Boot (Tomcat, MVC) | p50 %.2f ms, p99 %.2f ms |%n",
                number(results, "limits", "L2", "latency", "p50_ms"),
                number(results, "limits", "L2", "latency", "p99_ms")));
        out.append(format(
                "| L3 Kafka: produce → consume, %s bytes | p50 %.2f ms, p99 %.2f ms |%n",
                value(results, "limits", "L3", "message_bytes"),
                number(results, "limits", "L3", "latency", "p50_ms"),
                number(results, "limits", "L3", "latency", "p99_ms")));
        out.append("\n| ratio | value |\n|---|---|\n");
        map(results, "derived", "ratios")
                .forEach((name, value) -> out.append(
                        value instanceof Number number
                                ? format("| %s | %.2f |%n", name, number.doubleValue())
                                : format("| %s | %s |%n", name, value)));
        out.append("\n| target | required | measured | met |\n|---|---|---|---|\n");
        for (var target : list(results, "derived", "targets")) {
            out.append(format(
                    "| %s | %s | %s | %s |%n",
                    target.get("target"),
                    target.get("required"),
                    target.get("measured"),
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
        out.append(METHOD);
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
            String text;
            try {
                text = value.apply(topology);
            } catch (RuntimeException notMeasured) {
                text = "–";
            }
            out.append(" | ").append(text);
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

    /** The step of {@code topology} labelled {@code label}; an empty one (its figures NaN) if there is none. */
    static Map<String, Object> step(Map<String, Object> results, String topology, String label) {
        return steps(results, topology).stream()
                .filter(step -> label.equals(step.get("step")))
                .findFirst()
                .orElse(Map.of());
    }

    static List<Map<String, Object>> steps(Map<String, Object> results, String topology) {
        var steps = list(results, "topologies", topology, "steps");
        return steps == null ? List.of() : steps;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> json, String... path) {
        Object value = json;
        for (var key : path) {
            if (value == null) {
                return null;
            }
            value = ((Map<String, Object>) value).get(key);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> json, String... path) {
        var parent = map(json, java.util.Arrays.copyOf(path, path.length - 1));
        return parent == null ? null : (List<Map<String, Object>>) parent.get(path[path.length - 1]);
    }

    /** The value at {@code path}, {@code null} if any part of it is missing. */
    static Object value(Map<String, Object> json, String... path) {
        var parent = map(json, java.util.Arrays.copyOf(path, path.length - 1));
        return parent == null ? null : parent.get(path[path.length - 1]);
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
