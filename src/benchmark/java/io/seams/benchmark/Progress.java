package io.seams.benchmark;

/** Progress lines on the console, each with the time since the benchmark started. */
final class Progress {

    private final long start = System.nanoTime();

    synchronized void say(String format, Object... values) {
        var seconds = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.printf("[%02d:%02d] %s%n", seconds / 60, seconds % 60, format.formatted(values));
        System.out.flush();
    }

    long elapsedSeconds() {
        return (System.nanoTime() - start) / 1_000_000_000L;
    }
}
