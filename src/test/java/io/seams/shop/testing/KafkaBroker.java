package io.seams.shop.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker (KRaft, one node, 127.0.0.1) running as a process of its own, from
 * the {@code kafka_2.13} artifact on the class path: formatted with
 * {@code kafka.tools.StorageTool}, started with {@code kafka.Kafka}. Not an in-JVM stand-in. It
 * can be stopped and started again on the same data and port, as an outage would.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path home;
    private final int port;
    private final String classPath;
    private ProcessHandle process;

    private KafkaBroker(Path home, int port, String classPath) {
        this.home = home;
        this.port = port;
        this.classPath = classPath;
    }

    /** A broker on free ports in a temporary folder, started and ready. */
    public static KafkaBroker start() throws IOException, InterruptedException {
        var broker = in(Files.createTempDirectory("seams-kafka"), freePort(), freePort());
        broker.startAndAwait();
        return broker;
    }

    /**
     * A broker kept in {@code home} (formatted there the first time), listening on {@code port}
     * with its controller on {@code controllerPort}; not started yet.
     */
    public static KafkaBroker in(Path home, int port, int controllerPort) throws IOException, InterruptedException {
        var broker = new KafkaBroker(home, port, System.getProperty("java.class.path"));
        broker.formatOnce(controllerPort);
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path log() {
        return home.resolve("kafka.log");
    }

    /** The process, while it runs. */
    public ProcessHandle process() {
        return process;
    }

    public void startAndAwait() throws IOException, InterruptedException {
        process = JavaProcess.start(
                        home,
                        log(),
                        List.of(
                                "-Xmx512m",
                                "-Dlogback.configurationFile=" + home.resolve("logback.xml"),
                                "-cp",
                                classPath,
                                "kafka.Kafka",
                                home.resolve("server.properties").toString()))
                .toHandle();
        awaitReady();
    }

    /** Stops the broker cleanly; it can be started again on the same data. */
    public void stop() {
        if (process != null) {
            JavaProcess.stop(process, Duration.ofSeconds(30));
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void formatOnce(int controllerPort) throws IOException, InterruptedException {
        var config = home.resolve("server.properties");
        if (Files.exists(home.resolve("data").resolve("meta.properties"))) {
            return;
        }
        Files.createDirectories(home);
        Files.writeString(config, """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%d
                listeners=PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d
                advertised.listeners=PLAINTEXT://127.0.0.1:%d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%s
                num.partitions=3
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                group.initial.rebalance.delay.ms=0
                auto.create.topics.enable=true
                """.formatted(controllerPort, port, controllerPort, port, home.resolve("data")));
        // Kafka logs through SLF4J; without this it would inherit Logback's default: everything, at DEBUG.
        Files.writeString(home.resolve("logback.xml"), """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="out"/></root>
                </configuration>
                """);
        var format = JavaProcess.start(
                home,
                home.resolve("format.log"),
                List.of(
                        "-Dlogback.configurationFile=" + home.resolve("logback.xml"),
                        "-cp",
                        classPath,
                        "kafka.tools.StorageTool",
                        "format",
                        "-t",
                        Uuid.randomUuid().toString(),
                        "-c",
                        config.toString()));
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            throw new IllegalStateException("Formatting Kafka's storage failed; see " + home.resolve("format.log"));
        }
    }

    private void awaitReady() throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(90));
        // First the port (quietly), then the broker itself: an admin client talking to a port nobody
        // listens on yet fills the log with reconnection attempts.
        while (!accepts(port)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        "Kafka did not start; see " + log() + ":\n" + JavaProcess.tail(log(), 20));
            }
            try {
                process.onExit().get(100, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException stillStarting) {
                // poll again
            }
        }
        try (var admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000))) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException(
                                "Kafka did not start; see " + log() + ":\n" + JavaProcess.tail(log(), 20), notYet);
                    }
                }
            }
        }
    }

    private static boolean accepts(int port) {
        try (var socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
