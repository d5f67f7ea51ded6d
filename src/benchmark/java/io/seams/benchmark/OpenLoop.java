package io.seams.benchmark;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Load at a constant arrival rate, whatever the system under test does (an open loop): the i-th
 * request is due at {@code start + i / rate}, and its latency is measured from that intended time,
 * not from when it was actually sent. A system that stalls therefore pays for every request that
 * waited behind the stall (no coordinated omission). Latencies go into an HdrHistogram in
 * microseconds.
 */
final class OpenLoop {

    /** The highest latency recorded; anything slower counts as this. */
    static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(5);

    /** One request: completes with {@code true} when it succeeded. */
    @FunctionalInterface
    interface Request {
        CompletableFuture<Boolean> send();
    }

    /**
     * What one run produced.
     *
     * @param offeredPerSecond the arrival rate asked for
     * @param sent how many requests were sent
     * @param succeeded how many succeeded
     * @param failed how many failed or did not answer within the grace period
     * @param elapsed from the first intended send to the last answer
     * @param latencies each answered request's latency from its intended send time, in microseconds
     * @param succeededLatencies the same, of the requests that succeeded only (accepted, not shed)
     */
    record Result(
            double offeredPerSecond,
            long sent,
            long succeeded,
            long failed,
            Duration elapsed,
            Histogram latencies,
            Histogram succeededLatencies) {

        /** Successful requests per second over the whole run. */
        double achievedPerSecond() {
            return elapsed.isZero() ? 0 : succeeded / (elapsed.toNanos() / 1e9);
        }
    }

    private OpenLoop() {}

    /** Sends {@code ratePerSecond} requests a second for {@code duration}, then waits up to {@code grace} for the answers. */
    static Result run(double ratePerSecond, Duration duration, Duration grace, Request request) {
        var recorder = new Recorder(MAX_MICROS, 3);
        var succeededRecorder = new Recorder(MAX_MICROS, 3);
        var succeeded = new AtomicLong();
        var failed = new AtomicLong();
        var lastAnswer = new AtomicLong();
        if (!(ratePerSecond > 0 && ratePerSecond <= 1e6)) {
            throw new IllegalArgumentException("A rate between 0 and a million a second, not " + ratePerSecond);
        }
        var start = System.nanoTime();
        var end = start + duration.toNanos();
        long sent = 0;
        var outstanding = new java.util.ArrayList<CompletableFuture<?>>();
        for (long due = start; due < end; due = start + (long) (++sent * 1e9 / ratePerSecond)) {
            var wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            var intended = due;
            CompletableFuture<Boolean> answer;
            try {
                answer = request.send();
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            outstanding.add(answer.handle((ok, error) -> {
                var now = System.nanoTime();
                var micros = Math.min(MAX_MICROS, (now - intended) / 1000);
                recorder.recordValue(micros);
                lastAnswer.accumulateAndGet(now, Math::max);
                var success = error == null && Boolean.TRUE.equals(ok);
                if (success) {
                    succeededRecorder.recordValue(micros);
                }
                (success ? succeeded : failed).incrementAndGet();
                return null;
            }));
        }
        var all = CompletableFuture.allOf(outstanding.toArray(CompletableFuture[]::new));
        try {
            all.get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notAllAnswered) {
            // Those still open count as failed below.
        }
        var answered = succeeded.get() + failed.get();
        var histogram = recorder.getIntervalHistogram();
        var last = lastAnswer.get() == 0 ? start : lastAnswer.get();
        return new Result(
                ratePerSecond,
                sent,
                succeeded.get(),
                failed.get() + (sent - answered),
                Duration.ofNanos(Math.max(last, end) - start),
                histogram,
                succeededRecorder.getIntervalHistogram());
    }

    /**
     * The other way round, to find the saturation: {@code concurrency} requests always in flight, each
     * answer sending the next, for {@code duration}. Latency is measured per request.
     */
    static Result closed(int concurrency, Duration duration, Request request) {
        var recorder = new Recorder(MAX_MICROS, 3);
        var succeeded = new AtomicLong();
        var failed = new AtomicLong();
        var sent = new AtomicLong();
        var start = System.nanoTime();
        var end = start + duration.toNanos();
        var done = new CompletableFuture<?>[concurrency];
        for (int i = 0; i < concurrency; i++) {
            var worker = new CompletableFuture<Void>();
            done[i] = worker;
            next(request, end, recorder, sent, succeeded, failed, worker);
        }
        CompletableFuture.allOf(done).join();
        return new Result(
                0,
                sent.get(),
                succeeded.get(),
                failed.get(),
                Duration.ofNanos(System.nanoTime() - start),
                recorder.getIntervalHistogram(),
                new Histogram(MAX_MICROS, 3));
    }

    private static void next(
            Request request,
            long end,
            Recorder recorder,
            AtomicLong sent,
            AtomicLong succeeded,
            AtomicLong failed,
            CompletableFuture<Void> worker) {
        if (System.nanoTime() >= end) {
            worker.complete(null);
            return;
        }
        var began = System.nanoTime();
        sent.incrementAndGet();
        CompletableFuture<Boolean> answer;
        try {
            answer = request.send();
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((ok, error) -> {
            recorder.recordValue(Math.min(MAX_MICROS, (System.nanoTime() - began) / 1000));
            (error == null && Boolean.TRUE.equals(ok) ? succeeded : failed).incrementAndGet();
            next(request, end, recorder, sent, succeeded, failed, worker);
        });
    }
}
