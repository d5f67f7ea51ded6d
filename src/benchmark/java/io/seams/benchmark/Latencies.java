package io.seams.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A latency distribution summed up, in milliseconds.
 *
 * @param count how many values
 * @param p50 the median
 * @param p90 the 90th percentile
 * @param p99 the 99th percentile
 * @param p999 the 99.9th percentile
 * @param max the highest value
 */
record Latencies(long count, double p50, double p90, double p99, double p999, double max) {

    static final Latencies NONE = new Latencies(0, 0, 0, 0, 0, 0);

    /** From a histogram of microseconds. */
    static Latencies of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return NONE;
        }
        return new Latencies(
                micros.getTotalCount(),
                millis(micros.getValueAtPercentile(50)),
                millis(micros.getValueAtPercentile(90)),
                millis(micros.getValueAtPercentile(99)),
                millis(micros.getValueAtPercentile(99.9)),
                millis(micros.getMaxValue()));
    }

    /** From single values in microseconds. */
    static Latencies ofMicros(long[] values) {
        var histogram = new Histogram(OpenLoop.MAX_MICROS, 3);
        for (var value : values) {
            histogram.recordValue(Math.max(0, Math.min(OpenLoop.MAX_MICROS, value)));
        }
        return of(histogram);
    }

    Map<String, Object> toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("count", count);
        json.put("p50_ms", p50);
        json.put("p90_ms", p90);
        json.put("p99_ms", p99);
        json.put("p99_9_ms", p999);
        json.put("max_ms", max);
        return json;
    }

    private static double millis(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
