package io.seams.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Drives one running topology: warms it up, finds its saturation, runs the load steps, and after
 * each waits for every accepted order to be confirmed before it reads the latencies and CPU time.
 */
final class LoadRun {

    /** How long to wait, after the orders were confirmed, for the rest of their events to be handled. */
    static final Duration SETTLE = Duration.ofSeconds(30);

    /** How many customers the orders are placed for, in turn. */
    static final int CUSTOMERS = 50;

    /** How much each probe of the saturation search offers more than the last one that kept up. */
    static final double RAMP = 1.3;

    /** A probe keeps up while orders are confirmed at least this fraction of the rate they are offered at. */
    static final double KEEPS_UP = 0.9;

    /** At most this many probes (the search stops earlier once a probe did not keep up). */
    static final int MAX_PROBES = 10;

    private final Topology topology;
    private final Settings settings;
    private final ProcessMeter meter;
    private final OrderLedger ledger;
    private final Progress progress;
    private ShopClient client;
    private List<String> customers;

    LoadRun(Topology topology, Settings settings, ProcessMeter meter, Progress progress) {
        this.topology = topology;
        this.settings = settings;
        this.meter = meter;
        this.ledger = new OrderLedger(topology);
        this.progress = progress;
    }

    /**
     * A client placing orders as staff for the benchmark's customers, with a fresh token (tokens
     * last an hour; a run is far shorter, but every phase starts clean). The customers are
     * registered the first time.
     */
    ShopClient client() throws Exception {
        var token = topology.token("sam");
        if (customers == null) {
            progress.say("%s: registering %d customers", topology.name(), CUSTOMERS);
            customers = ShopClient.registerCustomers(topology.shopUrl(), token, CUSTOMERS);
        }
        client = new ShopClient(topology.shopUrl(), token, customers);
        return client;
    }

    /**
     * Orders through the whole flow for {@link Settings#warmUp()}, never more than {@link
     * Settings#concurrency()} placed and not yet confirmed (JIT, pools, topics). Answers the rate
     * at which they were confirmed, where the saturation search starts.
     */
    double warmUp() throws Exception {
        progress.say(
                "%s: warming up for %ds (at most %d orders unconfirmed)",
                topology.name(), settings.warmUp().toSeconds(), settings.concurrency());
        var rate =
                (double) closedFlow(settings.concurrency(), settings.warmUp()).get("saturation_per_s");
        progress.say("%s: warm-up confirmed %.1f orders/s", topology.name(), rate);
        return rate;
    }

    /**
     * The saturation, end to end, searched with open-loop probes: each offers a constant rate for
     * {@link Settings#probe()}, then waits until its orders are confirmed. The first offers {@code
     * from}; while a probe's orders are all confirmed, at least {@link #KEEPS_UP} of the rate offered
     * ({@link #confirmationRate}), and none failed, the next offers {@link #RAMP}
     * times more. A probe that does not keep up ran the flow flat out, its backlog draining at the
     * rate the topology manages: the highest confirmation rate any probe reached is the saturation.
     */
    Map<String, Object> saturation(double from) throws Exception {
        var probes = new ArrayList<Map<String, Object>>();
        var rate = Math.max(1, from);
        var best = 0.0;
        for (int i = 1; i <= MAX_PROBES; i++) {
            progress.say(
                    "%s: saturation probe %d, %.1f orders/s for %ds",
                    topology.name(), i, rate, settings.probe().toSeconds());
            var shop = client();
            var from0 = Instant.now();
            var result = OpenLoop.run(rate, settings.probe(), Duration.ofSeconds(60), shop::place);
            var ids = shop.drainPlaced();
            var outcome = ledger.awaitConfirmed(ids, from0, settings.completionTimeout(), SETTLE);
            var confirmedRate = confirmationRate(outcome);
            var keptUp = result.failed() == 0 && outcome.confirmed() == ids.size() && confirmedRate >= KEEPS_UP * rate;
            var probe = new LinkedHashMap<String, Object>();
            probe.put("offered_per_s", rate);
            probe.put("confirmed_per_s", confirmedRate);
            probe.put("accepted", (long) ids.size());
            probe.put("failed_requests", result.failed());
            probe.put("completed", outcome.confirmed());
            probe.put("lost", ids.size() - outcome.confirmed());
            probe.put("kept_up", keptUp);
            probe.put("http", Latencies.of(result.latencies()).toJson());
            probe.put(
                    "completion", Latencies.ofMicros(outcome.completionMicros()).toJson());
            probes.add(probe);
            best = Math.max(best, confirmedRate);
            progress.say(
                    "%s: probe %d confirmed %.1f orders/s of %.1f offered (%s); completion p50 %.0f ms, p99 %.0f ms",
                    topology.name(),
                    i,
                    confirmedRate,
                    rate,
                    keptUp ? "kept up" : "saturated",
                    Latencies.ofMicros(outcome.completionMicros()).p50(),
                    Latencies.ofMicros(outcome.completionMicros()).p99());
            if (!keptUp) {
                break;
            }
            rate *= RAMP;
        }
        var json = new LinkedHashMap<String, Object>();
        json.put(
                "method",
                "open-loop probes of " + settings.probe().toSeconds() + " s, each offering " + RAMP
                        + " times the last until orders are confirmed at less than " + KEEPS_UP
                        + " of the rate offered; the highest confirmation rate reached");
        json.put("saturation_per_s", best);
        json.put("probes", probes);
        json.put(
                "accepted",
                probes.stream().mapToLong(p -> (long) p.get("accepted")).sum());
        json.put("lost", probes.stream().mapToLong(p -> (long) p.get("lost")).sum());
        progress.say("%s: saturation %.1f orders/s confirmed", topology.name(), best);
        return json;
    }

    private Map<String, Object> closedFlow(int concurrency, Duration duration) throws Exception {
        var shop = client();
        var recorder = new org.HdrHistogram.Recorder(OpenLoop.MAX_MICROS, 3);
        var open = new java.util.concurrent.atomic.AtomicLong();
        var started = Instant.now();
        var since = java.sql.Timestamp.from(started);
        var end = System.nanoTime() + duration.toNanos();
        try (var database = topology.shopDatabase();
                var confirmed = database.prepareStatement("SELECT count(*) FROM tracking.timeline_entry"
                        + " WHERE step = 'CONFIRMED' AND occurred_at >= ?")) {
            confirmed.setTimestamp(1, since);
            long sent = 0;
            long done = 0;
            var lastPoll = 0L;
            while (System.nanoTime() < end) {
                if (System.nanoTime() - lastPoll > 50_000_000L) {
                    try (var result = confirmed.executeQuery()) {
                        result.next();
                        done = result.getLong(1);
                    }
                    lastPoll = System.nanoTime();
                }
                if (sent - done < concurrency) {
                    sent++;
                    open.incrementAndGet();
                    var began = System.nanoTime();
                    shop.place().whenComplete((ok, error) -> {
                        recorder.recordValue(Math.min(OpenLoop.MAX_MICROS, (System.nanoTime() - began) / 1000));
                        open.decrementAndGet();
                    });
                } else {
                    Thread.sleep(5);
                }
            }
        }
        while (open.get() > 0) {
            Thread.sleep(10);
        }
        var ids = shop.drainPlaced();
        var outcome = ledger.awaitConfirmed(ids, started, settings.completionTimeout(), SETTLE);
        var completed = completionRate(outcome);
        var json = new LinkedHashMap<String, Object>();
        json.put(
                "method",
                "closed loop around the whole flow: at most " + concurrency + " orders placed and not yet confirmed");
        json.put("saturation_per_s", completed);
        json.put("accepted", (long) ids.size());
        json.put("completed", outcome.confirmed());
        json.put("lost", ids.size() - outcome.confirmed());
        json.put("http", Latencies.of(recorder.getIntervalHistogram()).toJson());
        json.put("completion", Latencies.ofMicros(outcome.completionMicros()).toJson());
        json.put("publications_incomplete_after_wait", outcome.incompletePublications());
        return json;
    }

    /** One open-loop step at {@code rate} orders a second; profiled with JFR into {@code recording} if given. */
    Map<String, Object> step(String label, double rate, Path recording) throws Exception {
        progress.say(
                "%s: step %s, %.0f orders/s: %ds warm-up, %ds measured",
                topology.name(),
                label,
                rate,
                settings.stepWarmUp().toSeconds(),
                settings.step().toSeconds());
        var shop = client();
        OpenLoop.run(rate, settings.stepWarmUp(), Duration.ofSeconds(30), shop::place);
        shop.drainPlaced();
        var cpuBefore = meter.cpuSeconds();
        var from = Instant.now();
        var profile = recording == null ? null : Profile.start(topology.ordersProcess(), recording);
        var ticker = Executors.newSingleThreadScheduledExecutor();
        var started = System.nanoTime();
        ticker.scheduleAtFixedRate(
                () -> progress.say(
                        "    %s %s: %ds of %ds",
                        topology.name(),
                        label,
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
                        settings.step().toSeconds()),
                10,
                10,
                TimeUnit.SECONDS);
        OpenLoop.Result result;
        try {
            result = OpenLoop.run(rate, settings.step(), Duration.ofSeconds(60), shop::place);
        } finally {
            ticker.shutdownNow();
        }
        var hotFrames = profile == null ? null : profile.stop();
        var ids = shop.drainPlaced();
        var outcome = ledger.awaitConfirmed(ids, from, settings.completionTimeout(), SETTLE);
        var cpu = ProcessMeter.difference(cpuBefore, meter.cpuSeconds());
        var to = Instant.now();
        var delivery = Latencies.ofMicros(ledger.deliveryMicros(from, to));
        var step = new LinkedHashMap<String, Object>();
        step.put("step", label);
        step.put("offered_per_s", rate);
        step.put("accepted_per_s", result.achievedPerSecond());
        step.put("completed_per_s", completionRate(outcome));
        step.put("sent", result.sent());
        step.put("accepted", (long) ids.size());
        step.put("failed_requests", result.failed());
        step.put("completed", outcome.confirmed());
        step.put("lost", ids.size() - outcome.confirmed());
        step.put("statuses", outcome.statuses());
        step.put("publications_incomplete_after_wait", outcome.incompletePublications());
        step.put("http", Latencies.of(result.latencies()).toJson());
        step.put("completion", Latencies.ofMicros(outcome.completionMicros()).toJson());
        step.put("event_delivery", delivery.toJson());
        step.put("cpu_seconds", cpu);
        step.put("cpu_ms_per_order", outcome.confirmed() == 0 ? 0.0 : 1000 * cpu.get("total") / outcome.confirmed());
        if (hotFrames != null) {
            step.put("profile", hotFrames);
        }
        progress.say(
                "%s: step %s done: accepted %d, confirmed %d, lost %d; http p50 %.1f ms p99 %.1f ms;"
                        + " completion p50 %.1f ms p99 %.1f ms; %.1f CPU ms/order",
                topology.name(),
                label,
                ids.size(),
                outcome.confirmed(),
                ids.size() - outcome.confirmed(),
                Latencies.of(result.latencies()).p50(),
                Latencies.of(result.latencies()).p99(),
                Latencies.ofMicros(outcome.completionMicros()).p50(),
                Latencies.ofMicros(outcome.completionMicros()).p99(),
                step.get("cpu_ms_per_order"));
        return step;
    }

    /** Place one order and wait until everything about it is done (for the statement capture). */
    String placeOneAndSettle() throws Exception {
        var shop = client();
        if (!shop.place().get()) {
            throw new IllegalStateException("The shop did not accept an order");
        }
        var id = shop.drainPlaced().get(0);
        ledger.awaitConfirmed(java.util.List.of(id), Instant.EPOCH, settings.completionTimeout(), SETTLE);
        return id;
    }

    /**
     * Orders confirmed per second from the first confirmation to the last: while the topology keeps
     * up, that window is as long as the probe (shifted by the order's latency, whatever it is);
     * once it does not, it stretches while the backlog drains at the rate the topology manages.
     */
    static double confirmationRate(OrderLedger.Outcome outcome) {
        if (outcome.confirmed() < 2) {
            return 0;
        }
        var span = Duration.between(outcome.firstConfirmed(), outcome.lastConfirmed());
        return (outcome.confirmed() - 1) / Math.max(1e-3, span.toNanos() / 1e9);
    }

    private static double completionRate(OrderLedger.Outcome outcome) {
        if (outcome.confirmed() < 2) {
            return 0;
        }
        var span = Duration.between(outcome.firstPlaced(), outcome.lastConfirmed());
        return outcome.confirmed() / Math.max(1e-3, span.toNanos() / 1e9);
    }
}
