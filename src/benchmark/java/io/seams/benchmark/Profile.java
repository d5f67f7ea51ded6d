package io.seams.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Java Flight Recorder on a running JVM ({@code jcmd JFR.start / JFR.stop}), summed up: where the
 * CPU samples ({@code jdk.ExecutionSample}) were taken — the hottest methods at the top of the
 * stack, the hottest packages there, and the Seams methods most often on the stack.
 */
final class Profile {

    private final ProcessHandle process;
    private final Path file;

    private Profile(ProcessHandle process, Path file) {
        this.process = process;
        this.file = file;
    }

    static Profile start(ProcessHandle process, Path file) throws IOException, InterruptedException {
        jcmd(process, "JFR.start", "name=benchmark", "settings=profile", "filename=" + file.toAbsolutePath());
        return new Profile(process, file);
    }

    /** Stops the recording and sums it up. */
    Map<String, Object> stop() throws IOException, InterruptedException {
        jcmd(process, "JFR.stop", "name=benchmark");
        return summary(file, 15);
    }

    static Map<String, Object> summary(Path recording, int top) throws IOException {
        var leaves = new HashMap<String, Integer>();
        var packages = new HashMap<String, Integer>();
        var seams = new HashMap<String, Integer>();
        var samples = 0;
        for (var event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            var leaf = frames.get(0).getMethod();
            leaves.merge(leaf.getType().getName() + "." + leaf.getName(), 1, Integer::sum);
            packages.merge(packageOf(leaf.getType().getName()), 1, Integer::sum);
            var seen = new HashSet<String>();
            for (var frame : frames) {
                var type = frame.getMethod().getType().getName();
                if (type.startsWith("io.seams.")) {
                    var method = type + "." + frame.getMethod().getName();
                    if (seen.add(method)) {
                        seams.merge(method, 1, Integer::sum);
                    }
                }
            }
        }
        var summary = new LinkedHashMap<String, Object>();
        summary.put("samples", samples);
        summary.put("top_methods_self", ranked(leaves, samples, top));
        summary.put("top_packages_self", ranked(packages, samples, top));
        summary.put("top_seams_methods_total", ranked(seams, samples, top));
        return summary;
    }

    /** The package of a class, cut to three parts ({@code org.postgresql.core}). */
    static String packageOf(String type) {
        var parts = type.split("\\.");
        var depth = Math.min(3, parts.length - 1);
        return String.join(".", java.util.Arrays.copyOf(parts, Math.max(1, depth)));
    }

    private static List<Map<String, Object>> ranked(Map<String, Integer> counts, int samples, int top) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .map(entry -> {
                    var row = new LinkedHashMap<String, Object>();
                    row.put("frame", entry.getKey());
                    row.put("samples", entry.getValue());
                    row.put("percent", samples == 0 ? 0.0 : 100.0 * entry.getValue() / samples);
                    return (Map<String, Object>) row;
                })
                .toList();
    }

    private static void jcmd(ProcessHandle process, String... command) throws IOException, InterruptedException {
        var arguments = new java.util.ArrayList<String>();
        arguments.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        arguments.add(String.valueOf(process.pid()));
        arguments.addAll(List.of(command));
        var jcmd = new ProcessBuilder(arguments).redirectErrorStream(true).start();
        var output = new String(jcmd.getInputStream().readAllBytes());
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }
}
