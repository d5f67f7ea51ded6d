package io.seams.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringBootVersion;

/** Where and on what the benchmark ran: the machine, the versions, the commit. */
final class Environment {

    private Environment() {}

    static Map<String, Object> describe(Settings settings) {
        var json = new LinkedHashMap<String, Object>();
        json.put("started", Instant.now().toString());
        var machine = new LinkedHashMap<String, Object>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        machine.put(
                "memory_mib",
                Long.parseLong(firstValue(Path.of("/proc/meminfo"), "MemTotal").replaceAll("\\D", "")) / 1024);
        machine.put(
                "os",
                firstValue(Path.of("/etc/os-release"), "PRETTY_NAME").replace("\"", "") + " (Linux "
                        + System.getProperty("os.version") + ")");
        machine.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
        json.put("machine", machine);
        var versions = new LinkedHashMap<String, Object>();
        versions.put("spring_boot", SpringBootVersion.getVersion());
        versions.put("spring_modulith", System.getProperty("benchmark.modulith-version", "?"));
        versions.put("kafka", org.apache.kafka.common.utils.AppInfoParser.getVersion());
        versions.put(
                "postgresql", System.getProperty("benchmark.postgres-binaries-version", "?") + " (embedded binaries)");
        json.put("versions", versions);
        var git = new LinkedHashMap<String, Object>();
        git.put("commit", command("git", "rev-parse", "HEAD"));
        git.put(
                "uncommitted_changes",
                !command("git", "status", "--porcelain", "--", "src", "pom.xml").isEmpty());
        json.put("git", git);
        var run = new LinkedHashMap<String, Object>();
        run.put("quick", settings.quick());
        run.put("warm_up_s", settings.warmUp().toSeconds());
        run.put("saturation_probe_s", settings.probe().toSeconds());
        run.put("warm_up_concurrency", settings.concurrency());
        run.put("step_warm_up_s", settings.stepWarmUp().toSeconds());
        run.put("step_s", settings.step().toSeconds());
        run.put("limit_s", settings.limit().toSeconds());
        run.put("ready_runs", settings.readyRuns());
        run.put("seams_jvm_options", Topology.JVM);
        run.put("load_generator", "in the benchmark's own JVM on the same machine (not counted in CPU per order)");
        json.put("settings", run);
        return json;
    }

    private static String firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(line.contains("=") && !line.contains(":") ? '=' : ':') + 1)
                            .trim())
                    .findFirst()
                    .orElse("?");
        } catch (Exception e) {
            return "?";
        }
    }

    private static String command(String... command) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes()).trim();
            return process.waitFor() == 0 ? output : "?";
        } catch (Exception e) {
            return "?";
        }
    }
}
