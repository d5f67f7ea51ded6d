package io.seams.benchmark;

import java.time.Duration;

/**
 * How long each part of the benchmark runs, from system properties ({@code -Dbenchmark.step=25}
 * and so on, in seconds); {@code -Dbenchmark=quick} shortens everything for a smoke run.
 *
 * @param quick whether this is a smoke run (its report goes to target/, not docs/)
 * @param warmUp the load before the saturation search, for the JIT
 * @param probe how long each open-loop probe of the saturation search offers its rate
 * @param concurrency orders placed and not yet confirmed at most during the warm-up's closed loop
 * @param stepWarmUp the load at a step's rate before it is measured
 * @param step how long a step is measured
 * @param limit how long each limit (L1, L2, L3) is measured
 * @param readyRuns how often start-up is timed (the median is reported)
 * @param completionTimeout how long to wait for the orders of a step to be confirmed
 */
record Settings(
        boolean quick,
        Duration warmUp,
        Duration probe,
        int concurrency,
        Duration stepWarmUp,
        Duration step,
        Duration limit,
        int readyRuns,
        Duration completionTimeout) {

    static Settings fromSystemProperties() {
        var quick = "quick".equals(System.getProperty("benchmark"));
        return new Settings(
                quick,
                seconds("benchmark.warm-up", quick ? 8 : 15),
                seconds("benchmark.probe", quick ? 5 : 8),
                Integer.getInteger("benchmark.concurrency", 8),
                seconds("benchmark.step-warm-up", quick ? 2 : 5),
                seconds("benchmark.step", quick ? 6 : 20),
                seconds("benchmark.limit", quick ? 5 : 10),
                Integer.getInteger("benchmark.ready-runs", quick ? 1 : 5),
                seconds("benchmark.completion-timeout", 120));
    }

    private static Duration seconds(String property, int defaultSeconds) {
        return Duration.ofSeconds(Long.getLong(property, defaultSeconds));
    }
}
