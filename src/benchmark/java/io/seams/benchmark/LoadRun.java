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
final class LoadRun implements AutoCloseable {

    /** The warm-up has settled once two consecutive windows' confirmation rates differ by less than this. */
    static final double SETTLED = 0.05;

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
    private Map<String, Double> idleCores = Map.of();

    LoadRun(Topology topology, Settings settings, ProcessMeter meter, Progress progress) {
        this.topology = topology;
        this.settings = settings;
        this.meter = meter;
        this.ledger = new OrderLedger(topology, meter);
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
     * Orders through the whole flow in a closed loop, never more than {@link Settings#concurrency()}
     * placed and not yet confirmed, until the JIT has settled: at least {@link Settings#warmUpOrders()}
     * confirmed and the confirmation rates of the last two windows of {@link Settings#warmUpWindow()}
     * within {@link #SETTLED} of each other — or {@link Settings#warmUp()} has passed. Then waits
     * until it drained. Answers what it did; {@code rate_per_s}, the last window's rate, is where the
     * saturation search starts.
     */
    Map<String, Object> warmUp() throws Exception {
        progress.say(
                "%s: warming up until settled (%d orders, or two %ds windows within %.0f %% after a third of them;"
                        + " at most %ds)",
                topology.name(),
                settings.warmUpOrders(),
                settings.warmUpWindow().toSeconds(),
                SETTLED * 100,
                settings.warmUp().toSeconds());
        var shop = client();
        var open = new java.util.concurrent.atomic.AtomicLong();
        var started = Instant.now();
        var end = System.nanoTime() + settings.warmUp().toNanos();
        var windows = new ArrayList<Double>();
        var windowStart = System.nanoTime();
        long windowDone = 0;
        long sent = 0;
        long done = 0;
        var lastPoll = 0L;
        var settled = false;
        while (System.nanoTime() < end) {
            if (System.nanoTime() - lastPoll > 100_000_000L) {
                done = ledger.confirmedSince(started);
                lastPoll = System.nanoTime();
            }
            if (System.nanoTime() - windowStart >= settings.warmUpWindow().toNanos()) {
                var rate = (done - windowDone) / ((System.nanoTime() - windowStart) / 1e9);
                windows.add(rate);
                progress.say(
                        "    %s warm-up: %.1f orders/s confirmed in the last %ds (%d in all)",
                        topology.name(), rate, settings.warmUpWindow().toSeconds(), done);
                windowStart = System.nanoTime();
                windowDone = done;
                if (settled(windows, done, settings.warmUpOrders())) {
                    settled = true;
                    break;
                }
            }
            if (sent - done < settings.concurrency()) {
                sent++;
                open.incrementAndGet();
                shop.place().whenComplete((ok, error) -> open.decrementAndGet());
            } else {
                // Pacing the closed loop (the next order goes when one is confirmed), not waiting for a result.
                Thread.sleep(5);
            }
        }
        var ids = awaitAnswers(shop, open);
        var outcome = ledger.awaitDrained(ids, settings.completionTimeout(), SETTLE);
        var json = new LinkedHashMap<String, Object>();
        json.put(
                "method",
                "closed loop around the whole flow, at most " + settings.concurrency()
                        + " orders placed and not yet confirmed, until at least " + settings.warmUpOrders()
                        + " orders were confirmed and two consecutive "
                        + settings.warmUpWindow().toSeconds()
                        + " s windows' confirmation rates differed by less than " + Math.round(SETTLED * 100)
                        + " %, or " + settings.warmUp().toSeconds() + " s had passed");
        json.put("settled", settled);
        json.put("seconds", Duration.between(started, Instant.now()).toMillis() / 1000.0);
        json.put("window_rates_per_s", windows);
        json.put("rate_per_s", windows.isEmpty() ? confirmationRate(outcome) : windows.get(windows.size() - 1));
        json.put("accepted", (long) ids.size());
        json.put("completed", outcome.confirmed());
        json.put("lost", ids.size() - outcome.confirmed());
        json.put("answers", shop.drainAnswers());
        json.put("publications_incomplete_after_wait", outcome.incompletePublications());
        progress.say(
                "%s: warm-up %s after %d orders: %.1f orders/s",
                topology.name(), settled ? "settled" : "stopped (time)", outcome.confirmed(), (double)
                        json.get("rate_per_s"));
        return json;
    }

    /**
     * Whether the JIT has settled: {@code orders} confirmed at least, or, after a third of them, the
     * last two windows' confirmation rates within {@link #SETTLED} of each other (a JVM still
     * compiling confirms more in each window than in the last).
     */
    static boolean settled(List<Double> windows, long confirmed, long orders) {
        if (confirmed >= orders) {
            return true;
        }
        if (windows.size() < 2 || confirmed < orders / 3) {
            return false;
        }
        var previous = windows.get(windows.size() - 2);
        var last = windows.get(windows.size() - 1);
        return previous > 0 && Math.abs(last - previous) / previous < SETTLED;
    }

    /** Waits (bounded) until every request {@code open} counts was answered; the ids of the orders placed. */
    private static List<String> awaitAnswers(ShopClient shop, java.util.concurrent.atomic.AtomicLong open)
            throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (open.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return shop.drainPlaced();
    }

    /**
     * CPU the topology uses while nothing is asked of it (schedulers, pollers, heartbeats), in cores
     * by process, measured after the warm-up drained; the steps' CPU per order leaves it out.
     */
    Map<String, Double> measureIdle(Duration duration) throws Exception {
        ledger.awaitDrained(List.of(), settings.completionTimeout(), SETTLE);
        progress.say("%s: measuring idle CPU for %ds", topology.name(), duration.toSeconds());
        var before = meter.cpuSeconds();
        var start = System.nanoTime();
        // Measuring for a while: nothing to wait for.
        Thread.sleep(duration.toMillis());
        var seconds = (System.nanoTime() - start) / 1e9;
        var cores = new LinkedHashMap<String, Double>();
        ProcessMeter.difference(before, meter.cpuSeconds()).forEach((name, used) -> cores.put(name, used / seconds));
        idleCores = cores;
        return cores;
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
            var result = OpenLoop.run(rate, settings.probe(), Duration.ofSeconds(60), shop::place);
            var ids = shop.drainPlaced();
            var outcome = ledger.awaitDrained(ids, settings.completionTimeout(), SETTLE);
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

    /**
     * One open-loop step at {@code rate} orders a second; profiled with JFR into {@code recording} if
     * given. The step's warm-up ({@link Settings#stepWarmUp()} at its rate) drains before the measured
     * window opens, and the window closes once its own orders drained (confirmed, no publication
     * incomplete), so that each window holds its own orders' work and nothing else. CPU per order is
     * marginal: the CPU used in the window minus the idle CPU ({@link #measureIdle}) over its length.
     */
    Map<String, Object> step(String label, double rate, Path recording) throws Exception {
        progress.say(
                "%s: step %s, %.1f orders/s: %ds warm-up, drain, %ds measured, drain",
                topology.name(),
                label,
                rate,
                settings.stepWarmUp().toSeconds(),
                settings.step().toSeconds());
        var shop = client();
        OpenLoop.run(rate, settings.stepWarmUp(), Duration.ofSeconds(30), shop::place);
        ledger.awaitDrained(shop.drainPlaced(), settings.completionTimeout(), SETTLE);
        shop.drainAnswers();
        var cpuBefore = meter.cpuSeconds();
        var windowStart = System.nanoTime();
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
        var outcome = ledger.awaitDrained(ids, settings.completionTimeout(), SETTLE);
        var cpu = ProcessMeter.difference(cpuBefore, meter.cpuSeconds());
        var window = (System.nanoTime() - windowStart) / 1e9;
        var marginal = ProcessMeter.marginal(cpu, idleCores, window);
        var step = new LinkedHashMap<String, Object>();
        step.put("step", label);
        step.put("offered_per_s", rate);
        step.put("accepted_per_s", result.achievedPerSecond());
        step.put("completed_per_s", completionRate(outcome));
        step.put("sent", result.sent());
        step.put("accepted", (long) ids.size());
        step.put("failed_requests", result.failed());
        step.put("answers", shop.drainAnswers());
        step.put("completed", outcome.confirmed());
        step.put("lost", ids.size() - outcome.confirmed());
        step.put("statuses", outcome.statuses());
        step.put("publications_incomplete_after_wait", outcome.incompletePublications());
        step.put("http", Latencies.of(result.latencies()).toJson());
        step.put("completion", Latencies.ofMicros(outcome.completionMicros()).toJson());
        step.put("end_to_end", Latencies.ofMicros(endToEnd(shop, outcome, ids)).toJson());
        var stages = new LinkedHashMap<String, Object>();
        outcome.stages()
                .forEach((name, micros) ->
                        stages.put(name, Latencies.ofMicros(micros).toJson()));
        step.put("timeline_stages", stages);
        // OrderPlaced's occurrence to StockReserved's: the first event hop and the reservation.
        step.put(
                "event_delivery",
                Latencies.ofMicros(outcome.stages().get("PLACED→STOCK_RESERVED"))
                        .toJson());
        step.put("window_s", window);
        step.put("cpu_seconds", cpu);
        step.put("cpu_seconds_marginal", marginal);
        var confirmed = Math.max(1, outcome.confirmed());
        step.put("cpu_ms_per_order", 1000 * marginal.get("total") / confirmed);
        step.put("cpu_ms_per_order_gross", 1000 * cpu.get("total") / confirmed);
        if (hotFrames != null) {
            step.put("profile", hotFrames);
        }
        progress.say(
                "%s: step %s done: accepted %d, confirmed %d, lost %d; http p50 %.1f ms p99 %.1f ms;"
                        + " completion p50 %.1f ms p99 %.1f ms; %.1f CPU ms/order (marginal)",
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

    /** From each confirmed order's request being sent to its confirmation, in microseconds. */
    private static long[] endToEnd(ShopClient shop, OrderLedger.Outcome outcome, List<String> ids) {
        return ids.stream()
                .filter(id -> outcome.confirmedMicros().containsKey(id)
                        && shop.sentMicros().containsKey(id))
                .mapToLong(id ->
                        outcome.confirmedMicros().get(id) - shop.sentMicros().get(id))
                .toArray();
    }

    /**
     * The overload step: {@code rate} (twice the saturation) for {@link Settings#overload()}, then at
     * once {@code recoveryRate} for {@link Settings#recovery()}, then a wait until all of it drained.
     * Counts the answers by status (shed: {@code 503} or {@code 429}), the accepted requests' latency,
     * the accepted orders not confirmed (lost), and the recovery time: from the end of the overload to
     * the start of the first second of the recovery load from which on every second's orders took a
     * median (request sent → order confirmed) of at most twice {@code baselineMillis}.
     */
    Map<String, Object> overload(double rate, double recoveryRate, double baselineMillis) throws Exception {
        progress.say(
                "%s: overload step, %.1f orders/s for %ds, then %.1f orders/s for %ds (recovery)",
                topology.name(),
                rate,
                settings.overload().toSeconds(),
                recoveryRate,
                settings.recovery().toSeconds());
        var overloadShop = client();
        var recoveryShop = new ShopClient(topology.shopUrl(), topology.token("sam"), customers);
        var started = System.nanoTime();
        var overloadEnd = started + settings.overload().toNanos();
        var overloading = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> OpenLoop.run(rate, settings.overload(), Duration.ofSeconds(90), overloadShop::place));
        var wait = overloadEnd - System.nanoTime();
        if (wait > 0) {
            // Pacing the load: the recovery rate starts when the overload stops sending.
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
        var loadDropped = ShopClient.epochMicros();
        var recovery = OpenLoop.run(recoveryRate, settings.recovery(), Duration.ofSeconds(90), recoveryShop::place);
        var overload = overloading.get();
        var overloadIds = overloadShop.drainPlaced();
        var recoveryIds = recoveryShop.drainPlaced();
        var all = new ArrayList<>(overloadIds);
        all.addAll(recoveryIds);
        progress.say("%s: overload done; waiting for its %d accepted orders to drain", topology.name(), all.size());
        var drainStart = System.nanoTime();
        var outcome = ledger.awaitDrained(all, settings.completionTimeout().multipliedBy(2), SETTLE);
        var drained = (System.nanoTime() - drainStart) / 1e9;
        var answers = overloadShop.drainAnswers();
        var overloadConfirmed = overloadIds.stream()
                .filter(outcome.confirmedMicros()::containsKey)
                .count();
        // Recovery: the recovery orders by the second (since the load dropped) their request was sent in.
        var buckets = new java.util.TreeMap<Long, List<Long>>();
        var unconfirmed = new java.util.TreeSet<Long>();
        for (var id : recoveryIds) {
            var sent = recoveryShop.sentMicros().get(id);
            var second = Math.max(0, (sent - loadDropped) / 1_000_000);
            var confirmed = outcome.confirmedMicros().get(id);
            if (confirmed == null) {
                unconfirmed.add(second);
            } else {
                buckets.computeIfAbsent(second, key -> new ArrayList<>()).add(confirmed - sent);
            }
        }
        var threshold = 2 * baselineMillis;
        var recoveredAt = recoveredAt(buckets, unconfirmed, threshold * 1000);
        var json = new LinkedHashMap<String, Object>();
        json.put("offered_per_s", rate);
        json.put("seconds", settings.overload().toSeconds());
        json.put("sent", overload.sent());
        json.put("answers", answers);
        json.put("accepted", (long) overloadIds.size());
        json.put("shed", ShopClient.shed(answers));
        json.put(
                "shed_with_retry_after",
                answers.getOrDefault("503 with Retry-After", 0L) + answers.getOrDefault("429 with Retry-After", 0L));
        json.put("http_accepted", Latencies.of(overload.succeededLatencies()).toJson());
        json.put("http_all", Latencies.of(overload.latencies()).toJson());
        json.put("completed", overloadConfirmed);
        json.put("lost", overloadIds.size() - overloadConfirmed);
        json.put("drain_s", drained);
        json.put("publications_incomplete_after_wait", outcome.incompletePublications());
        var recoveryJson = new LinkedHashMap<String, Object>();
        recoveryJson.put("offered_per_s", recoveryRate);
        recoveryJson.put("seconds", settings.recovery().toSeconds());
        recoveryJson.put("answers", recoveryShop.drainAnswers());
        recoveryJson.put("accepted", (long) recoveryIds.size());
        recoveryJson.put("completed", recoveryIds.size() - (long) unconfirmedCount(recoveryIds, outcome));
        recoveryJson.put("lost", (long) unconfirmedCount(recoveryIds, outcome));
        recoveryJson.put("http", Latencies.of(recovery.latencies()).toJson());
        recoveryJson.put("baseline_end_to_end_p50_ms", baselineMillis);
        recoveryJson.put("threshold_ms", threshold);
        recoveryJson.put("recovered", recoveredAt != null);
        recoveryJson.put("recovery_s", recoveredAt == null ? settings.recovery().toSeconds() : recoveredAt);
        var perSecond = new ArrayList<Map<String, Object>>();
        buckets.forEach((second, latencies) -> {
            var bucket = new LinkedHashMap<String, Object>();
            bucket.put("second", second);
            bucket.put("orders", latencies.size());
            bucket.put("end_to_end_p50_ms", median(latencies) / 1000.0);
            perSecond.add(bucket);
        });
        recoveryJson.put("per_second", perSecond);
        json.put("recovery", recoveryJson);
        progress.say(
                "%s: overload: sent %d, accepted %d (p99 %.0f ms), shed %d, lost %d; drained in %.0f s;"
                        + " recovery %s",
                topology.name(),
                overload.sent(),
                overloadIds.size(),
                Latencies.of(overload.succeededLatencies()).p99(),
                json.get("shed"),
                json.get("lost"),
                drained,
                recoveredAt == null
                        ? "not within " + settings.recovery().toSeconds() + " s"
                        : "after " + recoveredAt + " s");
        return json;
    }

    private static int unconfirmedCount(List<String> ids, OrderLedger.Outcome outcome) {
        return (int) ids.stream()
                .filter(id -> !outcome.confirmedMicros().containsKey(id))
                .count();
    }

    /**
     * The first second (of {@code buckets}, latencies in microseconds by the second the request was
     * sent) from which on every second's median is at most {@code thresholdMicros} and no order went
     * unconfirmed; {@code null} if none.
     */
    static Long recoveredAt(
            java.util.NavigableMap<Long, List<Long>> buckets, java.util.Set<Long> unconfirmed, double thresholdMicros) {
        Long recovered = null;
        for (var bucket : buckets.descendingMap().entrySet()) {
            if (median(bucket.getValue()) > thresholdMicros || unconfirmed.contains(bucket.getKey())) {
                break;
            }
            recovered = bucket.getKey();
        }
        return recovered;
    }

    private static double median(List<Long> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    /**
     * Place one order while nothing else runs and wait until everything about it is done: confirmed,
     * and no event publication incomplete in any registry (every listener ran). For the statement
     * capture.
     */
    String placeOneAndSettle() throws Exception {
        var shop = client;
        if (!shop.place().get()) {
            throw new IllegalStateException("The shop did not accept an order");
        }
        var id = shop.drainPlaced().get(0);
        ledger.awaitDrained(List.of(id), settings.completionTimeout(), SETTLE);
        return id;
    }

    /**
     * Gets ready to place orders (a client, the customers registered) and waits until nothing is in
     * flight: no event publication incomplete in any registry.
     */
    void prepare() throws Exception {
        client();
        ledger.awaitDrained(List.of(), settings.completionTimeout(), SETTLE);
    }

    @Override
    public void close() {
        ledger.close();
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
