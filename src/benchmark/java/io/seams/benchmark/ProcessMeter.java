package io.seams.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time and peak memory of the processes under test, from Linux's {@code /proc}: {@code
 * utime + stime} of a process and of each of its descendants (PostgreSQL's backends are children
 * of its postmaster), plus what children that have already ended left in {@code cutime + cstime}.
 */
final class ProcessMeter {

    /** Clock ticks per second of {@code /proc/<pid>/stat}: 100 on every Linux this runs on. */
    static final double TICKS_PER_SECOND = 100;

    private final Map<String, ProcessHandle> roots = new LinkedHashMap<>();
    private final java.util.Set<Long> excluded = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Leaves a descendant out of every reading from now on: the benchmark's own PostgreSQL backends
     * (its polling connections), whose CPU is the harness's, not the topology's.
     */
    ProcessMeter exclude(long pid) {
        excluded.add(pid);
        return this;
    }

    /** Watches a process (and its descendants) under a name; a name given again replaces it. */
    ProcessMeter watch(String name, ProcessHandle process) {
        roots.put(name, process);
        return this;
    }

    /** CPU seconds used so far, by name. */
    Map<String, Double> cpuSeconds() {
        var cpu = new LinkedHashMap<String, Double>();
        roots.forEach((name, root) -> cpu.put(
                name,
                Stream.concat(Stream.of(root), root.descendants())
                                .filter(process -> !excluded.contains(process.pid()))
                                .mapToLong(ProcessMeter::ticks)
                                .sum()
                        / TICKS_PER_SECOND));
        return cpu;
    }

    /**
     * Peak resident memory in MiB, by name: the process's own high-water mark ({@code VmHWM}); for a
     * process with children (PostgreSQL) the sum over it and its children, which counts their shared
     * memory more than once, so it is an upper bound.
     */
    Map<String, Double> peakRssMiB() {
        var rss = new LinkedHashMap<String, Double>();
        roots.forEach((name, root) -> rss.put(
                name,
                Stream.concat(Stream.of(root), root.descendants())
                                .mapToLong(ProcessMeter::highWaterMarkKiB)
                                .sum()
                        / 1024.0));
        return rss;
    }

    /**
     * The marginal CPU of a window: what was used minus what the processes use when idle ({@code
     * idleCores}, by name, as measured beforehand) over the window's length, by name and under
     * {@code "total"}.
     */
    static Map<String, Double> marginal(Map<String, Double> used, Map<String, Double> idleCores, double seconds) {
        var marginal = new LinkedHashMap<String, Double>();
        var total = 0.0;
        for (var entry : used.entrySet()) {
            if (entry.getKey().equals("total")) {
                continue;
            }
            var value = entry.getValue() - idleCores.getOrDefault(entry.getKey(), 0.0) * seconds;
            marginal.put(entry.getKey(), value);
            total += value;
        }
        marginal.put("total", total);
        return marginal;
    }

    /** CPU seconds between two readings, by name, and their sum under {@code "total"}. */
    static Map<String, Double> difference(Map<String, Double> before, Map<String, Double> after) {
        var used = new LinkedHashMap<String, Double>();
        var total = 0.0;
        for (var entry : after.entrySet()) {
            var delta = entry.getValue() - before.getOrDefault(entry.getKey(), 0.0);
            used.put(entry.getKey(), delta);
            total += delta;
        }
        used.put("total", total);
        return used;
    }

    /** utime + stime + cutime + cstime of {@code /proc/<pid>/stat}, 0 for a process that is gone. */
    static long ticks(ProcessHandle process) {
        try {
            return ticks(Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat")));
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** From the text of {@code /proc/<pid>/stat}; the command (field 2) may hold spaces, so fields count from its ')'. */
    static long ticks(String stat) {
        var fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).trim().split(" "));
        // fields.get(0) is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17.
        return Long.parseLong(fields.get(11))
                + Long.parseLong(fields.get(12))
                + Long.parseLong(fields.get(13))
                + Long.parseLong(fields.get(14));
    }

    private static long highWaterMarkKiB(ProcessHandle process) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> line.replaceAll("\\D", ""))
                    .mapToLong(Long::parseLong)
                    .findFirst()
                    .orElse(0);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
