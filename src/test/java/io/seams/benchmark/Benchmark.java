package io.seams.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost of a seam, measured: {@code ./mvnw -Dbenchmark} (docs/benchmarks/README.md). Runs the
 * order flow on the monolith (T0) and split (T2) under open-loop load at 25, 50, 75 and 100 % of
 * the monolith's saturation, measures the machine's own limits for the parts of the flow (L1
 * database, L2 HTTP, L3 Kafka) and the start-up times, and writes the results (JSON, a Markdown
 * table, SVG charts).
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

        // T0: the monolith
        progress.say("T0: starting the monolith (its PostgreSQL first)");
        var t0 = new LinkedHashMap<String, Object>();
        topologies.put("T0", t0);
        double saturation;
        try (var monolith = Topology.monolith(jar, home.resolve("t0"))) {
            t0.put("description", "monolith: one JVM hosting every module, one PostgreSQL database");
            t0.put("postgres", postgresSettings(monolith.postgres()));
            try (var database = monolith.inventoryDatabase()) {
                Catalogue.stock(database);
            }
            var meter = meter(monolith);
            var run = new LoadRun(monolith, settings, meter, progress);
            var order = captureOneOrder(monolith, run, progress);
            var probe = run.saturation(run.warmUp());
            t0.put("saturation", probe);
            saturation = (double) probe.get("saturation_per_s");
            var steps = new ArrayList<Map<String, Object>>();
            for (var fraction : STEPS) {
                steps.add(run.step(label(fraction), fraction * saturation, null));
            }
            t0.put("steps", steps);
            // Before the profiled step: after JFR detaches, the JIT recompiles for a while (a core for
            // seconds), which is the profiler's cost, not the monolith's.
            t0.put("idle_cpu_cores", idle(meter, settings, progress, "T0"));
            // Profiled apart from the measured steps: attaching JFR costs CPU the steps should not pay.
            t0.put("profiled_step", run.step("50% (JFR)", 0.5 * saturation, home.resolve("t0-50.jfr")));
            limits.put("L1", limitRunner.database(monolith.postgres(), Topology.MONOLITH, order));
            limits.put("L2", limitRunner.http(home, 0.5 * saturation));
            t0.put("peak_rss_mib", meter.peakRssMiB());
            t0.put("ready_seconds", readyTimes(monolith, settings, progress, "the monolith"));
        }

        // T2: split
        progress.say("T2: starting Kafka, PostgreSQL and three Seams processes");
        var t2 = new LinkedHashMap<String, Object>();
        topologies.put("T2", t2);
        try (var split = Topology.split(jar, home.resolve("t2"))) {
            t2.put(
                    "description",
                    "split: shop (customers, orders, shipping, tracking, audit, notifications),"
                            + " inventory (inventory, catalog), payments; events over Kafka, prices over HTTP;"
                            + " one PostgreSQL server, a database per process");
            try (var database = split.inventoryDatabase()) {
                Catalogue.stock(database);
            }
            var meter = meter(split);
            var run = new LoadRun(split, settings, meter, progress);
            // From the rate of its first step at the latest: T2 runs that step anyway, and the search
            // is shorter (a probe above its saturation measures the saturation as well).
            var probe = run.saturation(Math.max(run.warmUp(), STEPS[0] * saturation));
            t2.put("saturation", probe);
            var steps = new ArrayList<Map<String, Object>>();
            for (var fraction : STEPS) {
                // The same rates as the monolith's steps, so that latencies compare; the last step at T2's own
                // saturation.
                var rate = fraction < 1 ? fraction * saturation : (double) probe.get("saturation_per_s");
                steps.add(run.step(label(fraction), rate, null));
            }
            t2.put("steps", steps);
            t2.put("idle_cpu_cores", idle(meter, settings, progress, "T2"));
            limits.put("L3", limitRunner.kafka(split.kafka(), 0.5 * saturation, 400));
            t2.put("peak_rss_mib", meter.peakRssMiB());
            t2.put("ready_seconds", readyTimes(split, settings, progress, "a single-module process (payments)"));
        }

        results.put("wall_seconds", progress.elapsedSeconds());
        Report.write(results, report);
        System.out.println();
        System.out.println(Report.table(results));
        progress.say("Done. Report in %s", Path.of("").toAbsolutePath().relativize(report));
    }

    private static List<DatabaseCeiling.Transaction> captureOneOrder(Topology topology, LoadRun run, Progress progress)
            throws Exception {
        progress.say("T0: capturing the SQL of one order (log_statement = all)");
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
        // The benchmark's own queries (waiting for the order) run on connections of their own; those
        // mention the order too, so their statements are recognised by their text and left out.
        Files.write(
                topology.postgres().log().getParent().getParent().getParent().resolve("captured-statements.log"),
                java.util.Arrays.copyOfRange(Files.readAllBytes(log), (int) offset, (int) Files.size(log)));
        var transactions = DatabaseCeiling.capture(log, offset, order).stream()
                .filter(transaction -> transaction.statements().stream()
                        .noneMatch(statement -> statement.sql().contains("ANY (")
                                || statement.sql().contains("pg_reload_conf")))
                .toList();
        progress.say(
                "T0: order %s committed %d transactions, %d statements",
                order,
                transactions.size(),
                transactions.stream().mapToInt(t -> t.statements().size()).sum());
        return transactions;
    }

    private static ProcessMeter meter(Topology topology) throws java.io.IOException {
        var meter = new ProcessMeter();
        topology.processes().forEach(meter::watch);
        return meter;
    }

    /**
     * CPU used while nothing is asked of the topology (schedulers, pollers, heartbeats), in cores:
     * at low load it is a good part of the CPU per order.
     */
    private static Map<String, Double> idle(ProcessMeter meter, Settings settings, Progress progress, String topology)
            throws InterruptedException {
        progress.say(
                "%s: measuring idle CPU for %ds", topology, settings.limit().toSeconds());
        var before = meter.cpuSeconds();
        Thread.sleep(settings.limit().toMillis());
        var cores = new LinkedHashMap<String, Double>();
        ProcessMeter.difference(before, meter.cpuSeconds())
                .forEach((name, seconds) ->
                        cores.put(name, seconds / settings.limit().toSeconds()));
        return cores;
    }

    private static Map<String, Object> readyTimes(Topology topology, Settings settings, Progress progress, String what)
            throws Exception {
        topology.stopSeams();
        var runs = new ArrayList<Double>();
        for (int i = 1; i <= settings.readyRuns(); i++) {
            runs.add(topology.timeToReady(i));
            progress.say(
                    "%s: %s ready after %.1f s (%d of %d)",
                    topology.name(), what, runs.get(runs.size() - 1), i, settings.readyRuns());
        }
        var sorted = runs.stream().sorted().toList();
        var json = new LinkedHashMap<String, Object>();
        json.put("process", what);
        json.put("runs", runs);
        json.put("median", sorted.get(sorted.size() / 2));
        // Boot's production start-up (extracted jar, class data sharing): fewer runs, it is not a target's figure.
        var cds = new ArrayList<Double>();
        for (int i = 1; i <= Math.max(1, settings.readyRuns() - 2); i++) {
            cds.add(topology.timeToReadyWithCds(i));
            progress.say(
                    "%s: %s ready after %.1f s, extracted with CDS (%d of %d)",
                    topology.name(), what, cds.get(cds.size() - 1), i, Math.max(1, settings.readyRuns() - 2));
        }
        var cdsSorted = cds.stream().sorted().toList();
        json.put("extracted_cds_runs", cds);
        json.put("extracted_cds_median", cdsSorted.get(cdsSorted.size() / 2));
        return json;
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
