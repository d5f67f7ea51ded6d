package io.seams.shop.testing.cluster;

import io.seams.shop.testing.JavaProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Seams process of a split cluster: the packaged jar, started with {@code java -jar} and the
 * arguments that choose the modules it hosts, logging to a file of its own.
 *
 * @param name what the cluster calls it ({@code shop}, {@code payments}, {@code payments-2}, ...): its log's name
 * @param port its HTTP port
 * @param arguments its Spring Boot arguments ({@code --seams.topology.modules=...})
 */
public record SeamsProcess(String name, int port, List<String> arguments) {

    /**
     * The same process under another name: a replica, logging to a file of its own, whose Kafka
     * consumers carry its name as their client id ({@code payments-2-0}, ...), so a consumer group's
     * members tell which replica they belong to.
     */
    public SeamsProcess withName(String instance) {
        var named = new ArrayList<>(arguments);
        named.add("--spring.kafka.consumer.client-id=" + instance);
        return new SeamsProcess(instance, port, named);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the process; {@link Running#awaitReady()} waits until it takes requests. */
    public Running start(Path jar, Path folder, List<String> jvmOptions) throws IOException {
        var command = new ArrayList<>(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        command.add("--server.port=" + port);
        var log = folder.resolve("logs").resolve(name + ".log");
        return new Running(this, JavaProcess.start(folder, log, command).toHandle(), log);
    }

    /** A started process. */
    public record Running(SeamsProcess spec, ProcessHandle process, Path log) {

        /** Waits until the process reports itself ready (its readiness probe answers 200). */
        public Running awaitReady() throws InterruptedException {
            var http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(1))
                    .build();
            var readiness = HttpRequest.newBuilder(URI.create(spec.url() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            var deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("%s stopped while starting; see %s:%n%s"
                            .formatted(spec.name(), log, JavaProcess.tail(log, 30)));
                }
                try {
                    if (http.send(readiness, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return this;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(
                            "%s was not ready after 3 minutes; see %s".formatted(spec.name(), log));
                }
                try {
                    process.onExit().get(200, TimeUnit.MILLISECONDS);
                } catch (ExecutionException | TimeoutException stillRunning) {
                    // poll again
                }
            }
        }

        /** Stops it cleanly (SIGTERM: in-flight work finishes, connections close). */
        public void stop() {
            JavaProcess.stop(process, Duration.ofSeconds(30));
        }

        /** Kills it as a crash would (SIGKILL). */
        public void kill() {
            JavaProcess.kill(process);
        }
    }
}
