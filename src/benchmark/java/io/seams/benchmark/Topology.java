package io.seams.benchmark;

import io.seams.shop.testing.KafkaBroker;
import io.seams.shop.testing.Tokens;
import io.seams.shop.testing.cluster.SeamsProcess;
import io.seams.shop.testing.cluster.SplitCluster;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seams as the benchmark runs it: T0, the monolith (one JVM of the packaged jar), or T2, split
 * (the shop; inventory with catalog; payments: three JVMs and a Kafka broker process). Each
 * topology has a PostgreSQL server of its own with a database per Seams process.
 */
final class Topology implements AutoCloseable {

    static final String MONOLITH = "monolith";
    static final String SHOP = "shop";
    static final String INVENTORY = "inventory";
    static final String PAYMENTS = "payments";

    /**
     * T2: payments and inventory leave the shop. Catalog goes with inventory (both are about
     * products), so the orders module prices every order over HTTP; notifications stays with the
     * shop.
     */
    static final Map<String, String> SPLIT = SplitCluster.layout(
            SHOP, "customers,orders,shipping,tracking,audit,notifications",
            INVENTORY, "inventory,catalog",
            PAYMENTS, "payments");

    /** JVM options of every Seams process. */
    static final List<String> JVM = List.of("-Xmx512m");

    private final String name;
    private final Path home;
    private final Path jar;
    private final Postgres postgres;
    private final KafkaBroker kafka;
    private final SeamsProcess.Running monolith;
    private final SplitCluster cluster;

    private Topology(
            String name,
            Path home,
            Path jar,
            Postgres postgres,
            KafkaBroker kafka,
            SeamsProcess.Running monolith,
            SplitCluster cluster) {
        this.name = name;
        this.home = home;
        this.jar = jar;
        this.postgres = postgres;
        this.kafka = kafka;
        this.monolith = monolith;
        this.cluster = cluster;
    }

    static Topology monolith(Path jar, Path home) throws IOException, SQLException, InterruptedException {
        var postgres = Postgres.start(home.resolve("postgres"));
        postgres.createDatabase(MONOLITH);
        var mailPort = KafkaBroker.freePort();
        var process = new SeamsProcess(
                        MONOLITH,
                        KafkaBroker.freePort(),
                        settings(postgres, MONOLITH, "--seams.mail.embedded.port=" + mailPort))
                .start(jar, home, JVM)
                .awaitReady();
        return new Topology("T0", home, jar, postgres, null, process, null);
    }

    static Topology split(Path jar, Path home) throws IOException, SQLException, InterruptedException {
        var postgres = Postgres.start(home.resolve("postgres"));
        var ports = new LinkedHashMap<String, Integer>();
        for (var process : SPLIT.keySet()) {
            postgres.createDatabase(process);
            ports.put(process, KafkaBroker.freePort());
        }
        var kafka = KafkaBroker.in(home.resolve("kafka"), KafkaBroker.freePort(), KafkaBroker.freePort());
        var mailPort = KafkaBroker.freePort();
        var catalogUrl = "http://127.0.0.1:" + ports.get(INVENTORY);
        var cluster = new SplitCluster(
                home,
                jar,
                kafka,
                SPLIT,
                ports,
                process -> settings(
                        postgres,
                        process,
                        process.equals(SHOP)
                                ? "--seams.mail.embedded.port=" + mailPort
                                : "--seams.mail.embedded.enabled=false",
                        "--seams.topology.remote.catalog.url=" + catalogUrl),
                JVM);
        try {
            cluster.start();
        } catch (RuntimeException | IOException e) {
            cluster.close();
            postgres.close();
            throw e;
        }
        return new Topology("T2", home, jar, postgres, kafka, null, cluster);
    }

    private static List<String> settings(Postgres postgres, String database, String... more) {
        var settings = new ArrayList<>(List.of(
                "--spring.datasource.url=" + postgres.url(database),
                "--spring.datasource.username=postgres",
                // Nothing else: the event publication registry runs as in production (completion-mode
                // delete, application.yaml); the benchmark reads its timings from the order timeline.
                "--spring.datasource.password="));
        settings.addAll(List.of(more));
        return settings;
    }

    String name() {
        return name;
    }

    boolean isSplit() {
        return cluster != null;
    }

    String shopUrl() {
        return isSplit() ? cluster.url(SHOP) : monolith.spec().url();
    }

    String token(String account) throws IOException {
        if (isSplit()) {
            return cluster.token(account);
        }
        return Tokens.of(
                shopUrl(), account, Tokens.secretIn(home.resolve(".seams").resolve("demo-accounts"), account));
    }

    Postgres postgres() {
        return postgres;
    }

    KafkaBroker kafka() {
        return kafka;
    }

    /** The name of the database holding orders and tracking. */
    String shopDatabase() {
        return isSplit() ? SHOP : MONOLITH;
    }

    /** The database holding catalog and inventory. */
    Connection inventoryDatabase() throws SQLException {
        return postgres.connect(isSplit() ? INVENTORY : MONOLITH);
    }

    /** Every database with an event publication registry. */
    List<String> databases() {
        return isSplit() ? List.copyOf(SPLIT.keySet()) : List.of(MONOLITH);
    }

    /** Every process of the topology by name: the Seams JVMs, PostgreSQL, Kafka. */
    Map<String, ProcessHandle> processes() throws IOException {
        var processes = new LinkedHashMap<String, ProcessHandle>();
        if (isSplit()) {
            for (var process : SPLIT.keySet()) {
                processes.put(process, cluster.process(process).process());
            }
            processes.put("kafka", kafka.process());
        } else {
            processes.put(MONOLITH, monolith.process());
        }
        processes.put("postgres", postgres.process());
        return processes;
    }

    /** The JVM that hosts orders (the one to profile). */
    ProcessHandle ordersProcess() {
        return isSplit() ? cluster.process(SHOP).process() : monolith.process();
    }

    /**
     * Starts one more process like the monolith (T0) or like the payments process, a single module
     * (T2), on the same database, and returns the seconds from its start until it was ready; stops
     * it again. Run after {@link #stopSeams()}, so that it is alone.
     */
    double timeToReady(int attempt) throws IOException, InterruptedException {
        return timed(readySpec("ready-" + attempt), jar, JVM);
    }

    /**
     * The same, started as Spring Boot recommends for production: the jar extracted ({@code java
     * -Djarmode=tools -jar seams.jar extract}) and a class data sharing archive written by one
     * training run ({@code -XX:ArchiveClassesAtExit}, {@code -Dspring.context.exit=onRefresh}). The
     * first call extracts and trains.
     */
    double timeToReadyWithCds(int attempt) throws IOException, InterruptedException {
        var extracted = home.resolve("extracted");
        var archive = extracted.resolve("seams.jsa");
        var application = extracted.resolve(jar.getFileName());
        if (!java.nio.file.Files.exists(archive)) {
            run(List.of("-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", extracted.toString()));
            var training = readySpec("cds-training")
                    .start(
                            application,
                            home,
                            List.of(
                                    "-Xmx512m",
                                    "-XX:ArchiveClassesAtExit=" + archive,
                                    "-Dspring.context.exit=onRefresh"));
            try {
                training.process().onExit().get(5, java.util.concurrent.TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                training.kill();
                throw new IllegalStateException("The CDS training run did not end; see " + training.log(), e);
            }
            if (!java.nio.file.Files.exists(archive)) {
                throw new IllegalStateException("The CDS training run wrote no archive; see " + training.log());
            }
        }
        return timed(
                readySpec("ready-cds-" + attempt),
                application,
                List.of("-Xmx512m", "-XX:SharedArchiveFile=" + archive));
    }

    private SeamsProcess readySpec(String suffix) throws IOException {
        if (isSplit()) {
            return cluster.spec(PAYMENTS, KafkaBroker.freePort()).withName(PAYMENTS + "-" + suffix);
        }
        return new SeamsProcess(
                MONOLITH + "-" + suffix,
                KafkaBroker.freePort(),
                settings(postgres, MONOLITH, "--seams.mail.embedded.port=" + KafkaBroker.freePort()));
    }

    private void run(List<String> javaArguments) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaArguments);
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("logs").resolve("extract.log").toFile())
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("%s failed; see %s".formatted(command, home.resolve("logs/extract.log")));
        }
    }

    private double timed(SeamsProcess spec, Path jar, List<String> jvm) throws IOException, InterruptedException {
        var start = System.nanoTime();
        var running = spec.start(jar, home, jvm);
        try {
            running.awaitReady();
            return (System.nanoTime() - start) / 1e9;
        } finally {
            running.stop();
        }
    }

    /** Stops the Seams processes (the database and broker keep running), for the start-time measurements. */
    void stopSeams() {
        if (isSplit()) {
            for (var process : SPLIT.keySet()) {
                cluster.process(process).stop();
            }
        } else {
            monolith.stop();
        }
    }

    @Override
    public void close() throws IOException {
        if (isSplit()) {
            cluster.close();
        } else {
            monolith.stop();
        }
        postgres.close();
    }
}
