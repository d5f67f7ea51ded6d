package io.seams.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
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

    private final Topology topology;
    private final Settings settings;
    private final ProcessMeter meter;
    private final OrderLedger ledger;
    private final Progress progress;
    private ShopClient client;

    LoadRun(Topology topology, Settings settings, ProcessMeter meter, Progress progress) {
        this.topology = topology;
        this.settings = settings;
        this.meter = meter;
        this.ledger = new OrderLedger(topology);
        this.progress = progress;
    }

    /** A client with a fresh token (tokens last an hour; a run is far shorter, but every phase starts clean). */
    ShopClient client() throws Exception {
        client = new ShopClient(topology.shopUrl(), topology.token("ada"));
        return client;
    }

    /** Orders through the whole flow for {@link Settings#warmUp()}, a quarter as many at a time as the saturation search (JIT, pools, topics). */
    void warmUp() throws Exception {
        var concurrency = Math.max(1, settings.concurrency() / 4);
        progress.say(
                "%s: warming up for %ds (at most %d orders unconfirmed)",
                topology.name(), settings.warmUp().toSeconds(), concurrency);
        closedFlow(concurrency, settings.warmUp());
    }

    /**
     * The saturation, end to end: orders are placed as fast as the shop takes them, but never more
     * than {@link Settings#concurrency()} placed and not yet confirmed (a closed loop around the
     * whole flow, so no backlog builds up), for {@link Settings#saturation()}. The rate at which
     * they were confirmed is the saturation.
     */
    Map<String, Object> saturation() throws Exception {
        progress.say(
                "%s: saturation search, at most %d orders unconfirmed, for %ds",
                topology.name(), settings.concurrency(), settings.saturation().toSeconds());
        var json = closedFlow(settings.concurrency(), settings.saturation());
        progress.say("%s: saturation %.1f orders/s confirmed", topology.name(), json.get("saturation_per_s"));
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
                "closed loop around the whole flow: at most " + settings.concurrency()
                        + " orders placed and not yet confirmed");
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

    private static double completionRate(OrderLedger.Outcome outcome) {
        if (outcome.confirmed() < 2) {
            return 0;
        }
        var span = Duration.between(outcome.firstPlaced(), outcome.lastConfirmed());
        return outcome.confirmed() / Math.max(1e-3, span.toNanos() / 1e9);
    }
}
