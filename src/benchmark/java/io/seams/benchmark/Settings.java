package io.seams.benchmark;

import java.time.Duration;

/**
 * How long each part of the benchmark runs, from system properties ({@code -Dbenchmark.step=25}
 * and so on, in seconds); {@code -Dbenchmark=quick} shortens everything for a smoke run.
 *
 * @param quick whether this is a smoke run (its report goes to target/, not docs/)
 * @param warmUp the longest the warm-up before the saturation search may last (it ends earlier once
 *     the JIT has settled: {@code warmUpOrders} confirmed, or two consecutive windows of {@code
 *     warmUpWindow} within 5 % of each other after a third of them)
 * @param warmUpOrders orders after which the warm-up ends in any case
 * @param warmUpWindow the window over which the warm-up's confirmation rate is compared
 * @param probe how long each open-loop probe of the saturation search offers its rate
 * @param concurrency orders placed and not yet confirmed at most during the warm-up's closed loop
 * @param stepWarmUp the load at a step's rate before it is measured
 * @param step how long a step is measured
 * @param limit how long each limit (L1, L2, L3) is measured
 * @param readyRuns how often start-up is timed (the median is reported)
 * @param completionTimeout how long to wait for the orders of a step to be confirmed
 * @param overload how long the overload step offers twice the monolith's saturation
 * @param recovery how long a low rate is offered after the overload, to see latency return
 */
record Settings(
        boolean quick,
        Duration warmUp,
        int warmUpOrders,
        Duration warmUpWindow,
        Duration probe,
        int concurrency,
        Duration stepWarmUp,
        Duration step,
        Duration limit,
        int readyRuns,
        Duration completionTimeout,
        Duration overload,
        Duration recovery) {

    static Settings fromSystemProperties() {
        var quick = "quick".equals(System.getProperty("benchmark"));
        return new Settings(
                quick,
                seconds("benchmark.warm-up", quick ? 30 : 90),
                Integer.getInteger("benchmark.warm-up-orders", quick ? 300 : 1500),
                seconds("benchmark.warm-up-window", quick ? 5 : 10),
                seconds("benchmark.probe", quick ? 5 : 8),
                Integer.getInteger("benchmark.concurrency", 8),
                seconds("benchmark.step-warm-up", quick ? 2 : 3),
                seconds("benchmark.step", quick ? 6 : 12),
                seconds("benchmark.limit", quick ? 5 : 10),
                Integer.getInteger("benchmark.ready-runs", quick ? 1 : 5),
                seconds("benchmark.completion-timeout", 120),
                seconds("benchmark.overload", quick ? 15 : 60),
                seconds("benchmark.recovery", quick ? 15 : 20));
    }

    private static Duration seconds(String property, int defaultSeconds) {
        return Duration.ofSeconds(Long.getLong(property, defaultSeconds));
    }
}
