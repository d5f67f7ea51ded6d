package io.seams.shop.testing.cluster;

import io.seams.shop.testing.KafkaBroker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Seams split into services: a Kafka broker process, the shop (every module but payments and
 * notifications), a payments process and a notifications process, each a JVM of its own running
 * the same jar, each on a database of its own. Used by {@code ./mvnw -Dcluster=start} (see
 * {@link LocalCluster}) and by the tests that run the saga scenarios against the split topology.
 */
public final class SplitCluster implements AutoCloseable {

    public static final String SHOP = "shop";
    public static final String PAYMENTS = "payments";
    public static final String NOTIFICATIONS = "notifications";

    /** The modules each process hosts. */
    public static final Map<String, String> MODULES = Map.of(
            SHOP, "catalog,customers,orders,inventory,shipping,tracking,audit",
            PAYMENTS, "payments",
            NOTIFICATIONS, "notifications");

    /** The processes in the order they start; the first, the shop, issues the tokens. */
    private static final Map<String, String> DEFAULT_LAYOUT =
            layout(SHOP, MODULES.get(SHOP), PAYMENTS, MODULES.get(PAYMENTS), NOTIFICATIONS, MODULES.get(NOTIFICATIONS));

    private final Path home;
    private final Path jar;
    private final KafkaBroker kafka;
    private final Map<String, String> layout;
    private final Map<String, Integer> ports;
    private final Function<String, List<String>> settings;
    private final List<String> jvmOptions;
    private final Map<String, SeamsProcess.Running> running = new LinkedHashMap<>();

    /**
     * @param home where the cluster keeps its logs (and whatever {@code settings} put there)
     * @param jar the Seams jar to run
     * @param kafka the broker (not started yet)
     * @param ports the HTTP port of each process, by name
     * @param settings each process's own arguments, by name: its database and mail server
     * @param jvmOptions options for every Seams JVM
     */
    public SplitCluster(
            Path home,
            Path jar,
            KafkaBroker kafka,
            Map<String, Integer> ports,
            Function<String, List<String>> settings,
            List<String> jvmOptions) {
        this(home, jar, kafka, DEFAULT_LAYOUT, ports, settings, jvmOptions);
    }

    /**
     * A cluster of other processes (the benchmark's): {@code layout} names each process and the
     * modules it hosts, in the order they start; the first one issues the tokens (its embedded
     * authorization server) and the others check them against its keys.
     */
    public SplitCluster(
            Path home,
            Path jar,
            KafkaBroker kafka,
            Map<String, String> layout,
            Map<String, Integer> ports,
            Function<String, List<String>> settings,
            List<String> jvmOptions) {
        this.home = home;
        this.layout = new LinkedHashMap<>(layout);
        this.jar = jar;
        this.kafka = kafka;
        this.ports = Map.copyOf(ports);
        this.settings = settings;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** The modules each process hosts, by name, in the order they start. */
    public static Map<String, String> layout(String... namesAndModules) {
        var layout = new LinkedHashMap<String, String>();
        for (int i = 0; i < namesAndModules.length; i += 2) {
            layout.put(namesAndModules[i], namesAndModules[i + 1]);
        }
        return layout;
    }

    /** Starts the broker, then the processes side by side; returns when all take requests. */
    public SplitCluster start() throws IOException, InterruptedException {
        kafka.startAndAwait();
        var starting = new LinkedHashMap<String, SeamsProcess.Running>();
        for (var name : layout.keySet()) {
            starting.put(name, process(name, ports.get(name)).start(jar, home, jvmOptions));
        }
        running.putAll(starting);
        awaitReady(starting.values());
        return this;
    }

    /** Starts one more instance of a process (same modules, database and consumer group) on {@code port}. */
    public SeamsProcess.Running startReplica(String name, int port) throws IOException, InterruptedException {
        var instance = name + "-"
                + (running.keySet().stream().filter(key -> key.startsWith(name)).count() + 1);
        var replica = process(name, port).withName(instance).start(jar, home, jvmOptions);
        running.put(instance, replica);
        return replica.awaitReady();
    }

    /** Starts a process again after it stopped or was killed. */
    public SeamsProcess.Running restart(String name) throws IOException, InterruptedException {
        var restarted = process(name, ports.get(name)).start(jar, home, jvmOptions);
        running.put(name, restarted);
        return restarted.awaitReady();
    }

    public SeamsProcess.Running process(String name) {
        return running.get(name);
    }

    public Map<String, SeamsProcess.Running> processes() {
        return Map.copyOf(running);
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** A token for a demo account, from the shop's authorization server (secrets are in its folder). */
    public String token(String account) throws IOException {
        var secret =
                io.seams.shop.testing.Tokens.secretIn(home.resolve(".seams").resolve("demo-accounts"), account);
        return io.seams.shop.testing.Tokens.of(url(authorizationServer()), account, secret);
    }

    /** Writes the threads of a running process next to its log (for a test that failed), and says where. */
    public Path threadDump(String name) throws IOException, InterruptedException {
        var dump = home.resolve("logs").resolve(name + "-threads.txt");
        new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jstack")
                                .toString(),
                        String.valueOf(process(name).process().pid()))
                .redirectErrorStream(true)
                .redirectOutput(dump.toFile())
                .start()
                .waitFor();
        return dump;
    }

    /** How a process of this cluster is started, on {@code port}: its modules and settings. */
    public SeamsProcess spec(String name, int port) {
        return process(name, port);
    }

    public String url(String name) {
        return "http://127.0.0.1:" + ports.get(name);
    }

    /** Stops the processes, then the broker, each cleanly. */
    @Override
    public void close() {
        running.values().forEach(SeamsProcess.Running::stop);
        running.clear();
        kafka.stop();
    }

    private SeamsProcess process(String name, int port) {
        var arguments = new ArrayList<>(List.of(
                "--seams.topology.modules=" + layout.get(name),
                "--seams.topology.consumer-group=" + name,
                "--spring.modulith.events.externalization.enabled=true",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.kafka.consumer.auto-offset-reset=earliest",
                // A process that crashed is noticed after 10 s (not 45 s): its partitions go to the
                // others, or to itself when it is back.
                "--spring.kafka.consumer.properties.session.timeout.ms=10000"));
        if (!name.equals(authorizationServer())) {
            // The shop issues the tokens (its embedded authorization server); the others check
            // them against the keys it publishes.
            arguments.add("--seams.security.embedded-authorization-server.enabled=false");
            arguments.add("--seams.security.jwk-set-uri=" + url(authorizationServer()) + "/oauth2/jwks");
        }
        arguments.addAll(settings.apply(name));
        return new SeamsProcess(name, port, arguments);
    }

    private String authorizationServer() {
        return layout.keySet().iterator().next();
    }

    private static void awaitReady(Iterable<SeamsProcess.Running> processes) throws InterruptedException {
        var ready = new ArrayList<CompletableFuture<?>>();
        for (var process : processes) {
            ready.add(CompletableFuture.runAsync(() -> {
                try {
                    process.awaitReady();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CompletionException(e);
                }
            }));
        }
        try {
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
