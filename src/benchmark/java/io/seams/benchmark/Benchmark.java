package io.seams.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost of a seam, measured: {@code ./mvnw -Dbenchmark} (docs/benchmarks/README.md). Runs the
 * order flow on the split (T2) and the monolith (T0), each warmed up until its JIT settled, under
 * open-loop load at 25, 50, 75 and 100 % of its own saturation (and T0 also at the rate of T2's 50 %
 * step, the baseline of the hop costs, and in an overload step at twice its saturation), measures
 * the machine's own limits for the parts of the flow (L1 database, L2 HTTP, L3 Kafka) and the
 * start-up times, and writes the results (JSON, a Markdown table, SVG charts).
 *
 * <p>Arguments: the Seams jar, and the folder for the report ({@code docs/benchmarks}; a quick run
 * writes to {@code target/benchmark/report} instead).
 */
public final class Benchmark {

    static final double[] STEPS = {0.25, 0.5, 0.75, 1.0};

    private Benchmark() {}

    public static void main(String[] arguments) throws Exception {
        var settings = Settings.fromSystemProperties();
        var home = Path.of("target", "benchmark").toAbsolutePath();
        var report = settings.quick()
                ? home.resolve("report")
                : Path.of(arguments[1]).toAbsolutePath();
        deleteRecursively(home);
        Files.createDirectories(home);
        // A copy, so that rebuilding meanwhile does not disturb the processes under test.
        var jar = Files.copy(Path.of(arguments[0]), home.resolve("seams.jar"));
        var progress = new Progress();
        progress.say(
                "The cost of a seam: %s run, report to %s",
                settings.quick() ? "quick" : "full",
                Path.of("").toAbsolutePath().relativize(report));
        var results = new LinkedHashMap<String, Object>();
        results.put("environment", Environment.describe(settings));
        var topologies = new LinkedHashMap<String, Object>();
        results.put("topologies", topologies);
        var limits = new LinkedHashMap<String, Object>();
        results.put("limits", limits);
        var limitRunner = new Limits(settings, progress);
        progress.say("Plan (estimated on 2 quiet cores): %s", plan(settings));

        // -Dbenchmark.only=T0: a smoke test of the monolith's phases alone (T2's saturation assumed from
        // -Dbenchmark.t2-saturation); never for results.
        var onlyT0 = "T0".equals(System.getProperty("benchmark.only"));
        // T2 first: its saturation sets the rate at which T0 is measured as the baseline of the hops.
        var t2 = new LinkedHashMap<String, Object>();
        topologies.put("T2", t2);
        double t2Saturation = assumedT2Saturation();
        if (onlyT0) {
            progress.say(
                    "T2 skipped (-Dbenchmark.only=T0, a smoke test): T0's hop step at %.1f/2 orders/s", t2Saturation);
        } else
            try (var split = startSplit(jar, home, progress)) {
                t2.put(
                        "description",
                        "split: shop (customers, orders, shipping, tracking, audit, notifications),"
                                + " inventory (inventory, catalog), payments; events over Kafka, prices over HTTP;"
                                + " one PostgreSQL server, a database per process");
                try (var database = split.postgres().connect(Topology.INVENTORY)) {
                    Catalogue.stock(database);
                }
                var meter = meter(split);
                try (var run = new LoadRun(split, settings, meter, progress)) {
                    run.prepare();
                    var warmUp = run.warmUp();
                    t2.put("warm_up", warmUp);
                    var probe = run.saturation((double) warmUp.get("rate_per_s"));
                    t2.put("saturation", probe);
                    t2Saturation = (double) probe.get("saturation_per_s");
                    t2.put("idle_cpu_cores", run.measureIdle(settings.limit()));
                    var steps = new ArrayList<Map<String, Object>>();
                    for (var fraction : STEPS) {
                        // At fractions of T2's own saturation: compared with T0 at the same fractions of its own.
                        steps.add(run.step(label(fraction), fraction * t2Saturation, null));
                    }
                    t2.put("steps", steps);
                }
                limits.put("L3", limitRunner.kafka(split.kafka(), HOP_FRACTION * t2Saturation, 400));
                t2.put("peak_rss_mib", meter.peakRssMiB());
                t2.put("ready_seconds", readyTimes(split, settings, progress, "a single-module process (payments)"));
            }

        // T0: the monolith
        progress.say("T0: starting the monolith (its PostgreSQL first)");
        var t0 = new LinkedHashMap<String, Object>();
        topologies.put("T0", t0);
        try (var monolith = Topology.monolith(jar, home.resolve("t0"))) {
            t0.put("description", "monolith: one JVM hosting every module, one PostgreSQL database");
            t0.put("postgres", postgresSettings(monolith.postgres()));
            try (var database = monolith.postgres().connect(Topology.MONOLITH)) {
                Catalogue.stock(database);
            }
            var meter = meter(monolith);
            List<DatabaseCeiling.Transaction> order;
            try (var run = new LoadRun(monolith, settings, meter, progress)) {
                order = captureOneOrder(monolith, run, progress);
                var warmUp = run.warmUp();
                t0.put("warm_up", warmUp);
                var probe = run.saturation((double) warmUp.get("rate_per_s"));
                t0.put("saturation", probe);
                var saturation = (double) probe.get("saturation_per_s");
                t0.put("idle_cpu_cores", run.measureIdle(settings.limit()));
                var steps = new ArrayList<Map<String, Object>>();
                for (var fraction : STEPS) {
                    steps.add(run.step(label(fraction), fraction * saturation, null));
                }
                // The baseline of the hop costs: T0 at the rate of T2's hop step, where both are well
                // under capacity.
                steps.add(run.step(AT_T2_HOP_RATE, HOP_FRACTION * t2Saturation, null));
                t0.put("steps", steps);
                var baseline = number(steps.get(0), "end_to_end", "p50_ms");
                t0.put("overload", run.overload(OVERLOAD * saturation, STEPS[0] * saturation, baseline));
                // Profiled apart from the measured steps: attaching JFR costs CPU the steps should not pay.
                t0.put("profiled_step", run.step("50% (JFR)", 0.5 * saturation, home.resolve("t0-50.jfr")));
                limits.put("L1", limitRunner.database(monolith.postgres(), Topology.MONOLITH, order));
                limits.put("L2", limitRunner.http(home, HOP_FRACTION * t2Saturation));
            }
            t0.put("peak_rss_mib", meter.peakRssMiB());
            t0.put("ready_seconds", readyTimes(monolith, settings, progress, "the monolith"));
        }

        results.put("wall_seconds", progress.elapsedSeconds());
        Report.write(results, report);
        System.out.println();
        System.out.println(Report.table(results));
        progress.say("Done. Report in %s", Path.of("").toAbsolutePath().relativize(report));
    }

    private static Topology startSplit(Path jar, Path home, Progress progress) throws Exception {
        progress.say("T2: starting Kafka, PostgreSQL and three Seams processes");
        return Topology.split(jar, home.resolve("t2"));
    }

    /** For {@code -Dbenchmark.only=T0}: T2's saturation as {@code -Dbenchmark.t2-saturation} says, 10 otherwise. */
    private static double assumedT2Saturation() {
        try {
            return Double.parseDouble(System.getProperty("benchmark.t2-saturation", "10"));
        } catch (NumberFormatException notGiven) {
            return 10;
        }
    }

    /** The fraction of T2's saturation at which the hops are costed (its 50 % step; at most 60 %). */
    static final double HOP_FRACTION = 0.5;

    /** The label of T0's extra step at the rate of T2's 50 % step. */
    static final String AT_T2_HOP_RATE = "at T2's 50% rate";

    /** The overload step offers this many times T0's saturation. */
    static final double OVERLOAD = 2.0;

    private static double number(Map<String, Object> json, String... path) {
        return Report.number(json, path);
    }

    /** What the run will do and about how long each part takes, from the settings (2 quiet cores). */
    static String plan(Settings settings) {
        long probes = 4 * (settings.probe().toSeconds() + 3);
        long step = settings.stepWarmUp().toSeconds() + settings.step().toSeconds() + 5;
        long ready = 30 + 11 * settings.readyRuns() + 18;
        long t2Warm = settings.warmUp().toSeconds();
        long t0Warm = Math.min(settings.warmUp().toSeconds(), 45);
        long t2 = 90
                + 15
                + t2Warm
                + probes
                + settings.limit().toSeconds()
                + 4 * step
                + settings.limit().toSeconds()
                + 10
                + ready;
        long overload =
                settings.overload().toSeconds() * 2 + settings.recovery().toSeconds();
        long t0 = 30
                + 20
                + t0Warm
                + probes
                + settings.limit().toSeconds()
                + 6 * step
                + overload
                + 2 * settings.limit().toSeconds()
                + 25
                + ready;
        return ("T2 ~%d s (start ~90, warm-up <= %d, search ~%d, idle %d, 4 steps ~%d, L3, ready ~%d);"
                        + " T0 ~%d s (capture, warm-up ~%d, search, 4 steps + 1 at T2's rate + JFR step ~%d,"
                        + " overload %d + recovery %d + drain ~%d, L1, L2, ready ~%d); about %d min in all")
                .formatted(
                        t2,
                        t2Warm,
                        probes,
                        settings.limit().toSeconds(),
                        4 * step,
                        ready,
                        t0,
                        t0Warm,
                        6 * step,
                        settings.overload().toSeconds(),
                        settings.recovery().toSeconds(),
                        settings.overload().toSeconds(),
                        ready,
                        (t2 + t0 + 59) / 60);
    }

    private static List<DatabaseCeiling.Transaction> captureOneOrder(Topology topology, LoadRun run, Progress progress)
            throws Exception {
        progress.say("T0: capturing every statement of one order (log_statement = all, until it settled)");
        run.prepare();
        var postgres = topology.postgres();
        var log = postgres.log();
        var offset = Files.exists(log) ? Files.size(log) : 0;
        postgres.logStatements(true);
        String order;
        try {
            order = run.placeOneAndSettle();
        } finally {
            postgres.logStatements(false);
        }
        Files.write(
                topology.postgres().log().getParent().getParent().getParent().resolve("captured-statements.log"),
                java.util.Arrays.copyOfRange(Files.readAllBytes(log), (int) offset, (int) Files.size(log)));
        // Every connection's statements but the benchmark's own (its application_name): the order's,
        // the publication registry's, the reads, the locks, whatever ran while it settled.
        var transactions = DatabaseCeiling.capture(log, offset, Postgres.HARNESS);
        progress.say(
                "T0: order %s caused %d transactions, %d statements",
                order, transactions.size(), DatabaseCeiling.statements(transactions));
        return transactions;
    }

    private static ProcessMeter meter(Topology topology) throws java.io.IOException {
        var meter = new ProcessMeter();
        topology.processes().forEach(meter::watch);
        return meter;
    }

    /**
     * Time to ready on the topology's migrated database, alone: the way operators run it (the jar
     * extracted, a CDS archive from one training run) {@link Settings#readyRuns()} times — the
     * target's figure, the median; and with {@code java -jar}, fewer runs, for comparison.
     */
    private static Map<String, Object> readyTimes(Topology topology, Settings settings, Progress progress, String what)
            throws Exception {
        try {
            return measureReadyTimes(topology, settings, progress, what);
        } catch (RuntimeException | java.io.IOException e) {
            // The rest of the run is still worth its report.
            progress.say("%s: timing %s failed: %s", topology.name(), what, e.getMessage());
            var json = new LinkedHashMap<String, Object>();
            json.put("process", what);
            json.put("error", String.valueOf(e.getMessage()));
            return json;
        }
    }

    private static Map<String, Object> measureReadyTimes(
            Topology topology, Settings settings, Progress progress, String what) throws Exception {
        topology.stopSeams();
        var json = new LinkedHashMap<String, Object>();
        json.put("process", what);
        var cds = new ArrayList<Double>();
        for (int i = 1; i <= settings.readyRuns(); i++) {
            cds.add(topology.timeToReadyWithCds(i));
            progress.say(
                    "%s: %s ready after %.1f s, extracted with CDS (%d of %d)",
                    topology.name(), what, cds.get(cds.size() - 1), i, settings.readyRuns());
        }
        json.put(
                "method",
                "extracted jar (java -Djarmode=tools -jar seams.jar extract) with a CDS archive from one"
                        + " training run (-XX:ArchiveClassesAtExit, -Dspring.context.exit=onRefresh), started with"
                        + " -XX:SharedArchiveFile on the already-migrated database; from the process start to the readiness"
                        + " probe answering 200");
        json.put("runs", cds);
        json.put("median", median(cds));
        var jar = new ArrayList<Double>();
        // One run: an extra row for comparison, not a target's figure (the time is the benchmark's budget).
        var jarRuns = 1;
        for (int i = 1; i <= jarRuns; i++) {
            jar.add(topology.timeToReady(i));
            progress.say(
                    "%s: %s ready after %.1f s, java -jar (%d of %d)",
                    topology.name(), what, jar.get(jar.size() - 1), i, jarRuns);
        }
        json.put("java_jar_runs", jar);
        json.put("java_jar_median", median(jar));
        return json;
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static Map<String, Object> postgresSettings(Postgres postgres) throws Exception {
        var json = new LinkedHashMap<String, Object>();
        for (var setting :
                List.of("server_version", "fsync", "synchronous_commit", "shared_buffers", "max_connections")) {
            json.put(setting, postgres.setting(setting));
        }
        return json;
    }

    static String label(double fraction) {
        return fraction == 1.0 ? "saturation" : Math.round(fraction * 100) + "%";
    }

    private static void deleteRecursively(Path folder) throws java.io.IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
