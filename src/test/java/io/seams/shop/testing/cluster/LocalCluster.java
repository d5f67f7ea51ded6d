package io.seams.shop.testing.cluster;

import io.seams.shop.testing.JavaProcess;
import io.seams.shop.testing.KafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local split cluster on this machine, for people: {@code ./mvnw -Dcluster=start} packages the
 * jar and runs this with {@code start}, {@code ./mvnw -Dcluster=stop} with {@code stop}. Everything
 * lives under {@code .seams/cluster}: a copy of the jar (rebuilding does not disturb the running
 * processes), the broker's data, each process's embedded PostgreSQL and the logs. The processes
 * outlive this program; their ids are kept in {@code .seams/cluster/pids}.
 */
public final class LocalCluster {

    static final Path HOME = Path.of(".seams", "cluster");
    static final int KAFKA = 9092;
    static final int KAFKA_CONTROLLER = 9093;
    static final Map<String, Integer> PORTS =
            Map.of(SplitCluster.SHOP, 8080, SplitCluster.PAYMENTS, 8081, SplitCluster.NOTIFICATIONS, 8082);
    static final Map<String, Integer> DATABASE_PORTS =
            Map.of(SplitCluster.SHOP, 15442, SplitCluster.PAYMENTS, 15443, SplitCluster.NOTIFICATIONS, 15444);
    static final int SMTP = 3025;

    private LocalCluster() {}

    public static void main(String[] arguments) throws Exception {
        var command = arguments.length == 0 ? "status" : arguments[0];
        switch (command) {
            case "start" -> start(Path.of(arguments[1]));
            case "stop" -> stop();
            case "status" -> status();
            default -> throw new IllegalArgumentException("Use start <jar>, stop or status, not " + command);
        }
    }

    private static void start(Path builtJar) throws Exception {
        if (!running().isEmpty()) {
            System.out.println("The split cluster is already running; stop it first with ./mvnw -Dcluster=stop");
            status();
            return;
        }
        Files.createDirectories(HOME);
        var jar = HOME.resolve("seams.jar");
        Files.copy(builtJar, jar, StandardCopyOption.REPLACE_EXISTING);
        var kafka = KafkaBroker.in(HOME.resolve("kafka").toAbsolutePath(), KAFKA, KAFKA_CONTROLLER);
        var cluster = new SplitCluster(
                HOME.toAbsolutePath(), jar.toAbsolutePath(), kafka, PORTS, LocalCluster::settings, List.of("-Xmx512m"));
        System.out.println("Starting Kafka and three Seams processes (about a minute on two cores)...");
        try {
            cluster.start();
        } catch (RuntimeException | IOException e) {
            cluster.close();
            throw e;
        }
        var pids = new ArrayList<String>();
        pids.add("kafka " + kafka.process().pid());
        cluster.processes()
                .forEach((name, process) ->
                        pids.add(name + " " + process.process().pid()));
        Files.write(HOME.resolve("pids"), pids);
        System.out.printf("%nThe split cluster is up:%n");
        System.out.printf("  %-14s %-24s log %s%n", "kafka", kafka.bootstrapServers(), relative(kafka.log()));
        for (var name : List.of(SplitCluster.SHOP, SplitCluster.PAYMENTS, SplitCluster.NOTIFICATIONS)) {
            System.out.printf(
                    "  %-14s %-24s log %s%n      modules %s; PostgreSQL on 127.0.0.1:%d%s%n",
                    name,
                    cluster.url(name),
                    relative(cluster.process(name).log()),
                    SplitCluster.MODULES.get(name),
                    DATABASE_PORTS.get(name),
                    name.equals(SplitCluster.NOTIFICATIONS) ? "; SMTP on 127.0.0.1:" + SMTP : "");
        }
        System.out.printf("%nThe shop's REST API is the monolith's: http://127.0.0.1:8080/api/orders%n");
        System.out.printf("Tokens as in the README (secrets in .seams/demo-accounts/, issued by the shop).%n");
        System.out.printf("Stop everything with: ./mvnw -Dcluster=stop%n");
    }

    /** Each process's own embedded PostgreSQL (its own database), and the SMTP server for notifications. */
    private static List<String> settings(String name) {
        var settings = new ArrayList<>(List.of(
                "--seams.database.embedded.port=" + DATABASE_PORTS.get(name),
                "--seams.database.embedded.data-directory=" + name + "/postgres"));
        if (name.equals(SplitCluster.SHOP)) {
            // Where the README looks for the demo accounts' secrets, as with the monolith.
            settings.add("--seams.security.embedded-authorization-server.accounts-directory="
                    + Path.of(".seams", "demo-accounts").toAbsolutePath());
        }
        if (name.equals(SplitCluster.NOTIFICATIONS)) {
            settings.add("--seams.mail.embedded.port=" + SMTP);
        } else {
            settings.add("--seams.mail.embedded.enabled=false");
        }
        return settings;
    }

    private static void stop() throws IOException {
        var processes = running();
        if (processes.isEmpty()) {
            Files.deleteIfExists(HOME.resolve("pids"));
            System.out.println("The split cluster is not running.");
            return;
        }
        // The Seams processes first (they finish their work and close their databases), Kafka last.
        var order = new ArrayList<>(processes.keySet());
        order.remove("kafka");
        order.add("kafka");
        for (var name : order) {
            System.out.printf(
                    "Stopping %s (pid %d)%n", name, processes.get(name).pid());
            JavaProcess.stop(processes.get(name), Duration.ofSeconds(30));
        }
        Files.deleteIfExists(HOME.resolve("pids"));
        System.out.println("The split cluster is stopped. Its data stays in " + HOME + " for the next start.");
    }

    private static void status() throws IOException {
        var processes = running();
        if (processes.isEmpty()) {
            System.out.println("The split cluster is not running.");
        }
        processes.forEach((name, process) -> System.out.printf("  %-14s pid %d%n", name, process.pid()));
    }

    /** The cluster's processes still alive, by name: only those whose command line names the cluster's home. */
    private static Map<String, ProcessHandle> running() throws IOException {
        var pids = HOME.resolve("pids");
        if (!Files.exists(pids)) {
            return Map.of();
        }
        var alive = new java.util.LinkedHashMap<String, ProcessHandle>();
        for (var line : Files.readAllLines(pids)) {
            var parts = line.split(" ");
            ProcessHandle.of(Long.parseLong(parts[1]))
                    .filter(ProcessHandle::isAlive)
                    .filter(LocalCluster::isOurs)
                    .ifPresent(process -> alive.put(parts[0], process));
        }
        return alive;
    }

    private static boolean isOurs(ProcessHandle process) {
        return process.info()
                .commandLine()
                .or(() -> Optional.of(""))
                .map(line -> line.contains(HOME.toAbsolutePath().toString()))
                .orElse(false);
    }

    private static Path relative(Path path) {
        return Path.of("").toAbsolutePath().relativize(path.toAbsolutePath());
    }
}
