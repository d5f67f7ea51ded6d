package io.seams.shop.testing.cluster;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.seams.shop.testing.KafkaBroker;
import io.seams.shop.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The split cluster as the tests run it: the packaged jar ({@code seams.jar}, set by the build) in
 * three JVMs and a Kafka broker process on free ports; each process on a fresh database of its own
 * on the tests' PostgreSQL, so the tests can look into each; notifications sending to an SMTP
 * server in the test JVM. Failures are found and recovered from in seconds rather than minutes
 * (staleness and session timeouts are shortened). One cluster serves every test class of a run:
 * inject it with {@link Extension}.
 */
public final class TestCluster implements AutoCloseable {

    private final SplitCluster cluster;
    private final GreenMail mail;
    private final Map<String, TestDatabases.Database> databases;

    private TestCluster(SplitCluster cluster, GreenMail mail, Map<String, TestDatabases.Database> databases) {
        this.cluster = cluster;
        this.mail = mail;
        this.databases = databases;
    }

    static TestCluster start() throws IOException, InterruptedException {
        var jar = Path.of(System.getProperty("seams.jar", "target/seams-0.1.0-SNAPSHOT.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("No " + jar + ": the split cluster tests run after the package phase");
        }
        var home = Files.createTempDirectory("seams-cluster");
        var mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        var databases = Map.of(
                SplitCluster.SHOP, TestDatabases.fresh(),
                SplitCluster.PAYMENTS, TestDatabases.fresh(),
                SplitCluster.NOTIFICATIONS, TestDatabases.fresh());
        var ports = Map.of(
                SplitCluster.SHOP, KafkaBroker.freePort(),
                SplitCluster.PAYMENTS, KafkaBroker.freePort(),
                SplitCluster.NOTIFICATIONS, KafkaBroker.freePort());
        var kafka = KafkaBroker.in(home.resolve("kafka"), KafkaBroker.freePort(), KafkaBroker.freePort());
        var cluster = new SplitCluster(
                home,
                jar,
                kafka,
                ports,
                name -> settings(name, databases.get(name), mail),
                List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"));
        try {
            cluster.start();
        } catch (RuntimeException | IOException | InterruptedException e) {
            cluster.close();
            mail.stop();
            throw e;
        }
        return new TestCluster(cluster, mail, databases);
    }

    private static List<String> settings(String name, TestDatabases.Database database, GreenMail mail) {
        var settings = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--seams.mail.embedded.enabled=false",
                "--seams.events.resubmission.interval=PT2S",
                "--seams.events.resubmission.min-age=PT2S",
                "--logging.level.org.springframework.modulith.events.core.DefaultEventPublicationRegistry=warn",
                "--spring.modulith.events.staleness.check-intervall=PT1S",
                "--spring.modulith.events.staleness.published=PT10S",
                "--spring.modulith.events.staleness.processing=PT10S",
                "--spring.modulith.events.staleness.resubmission=PT10S"));
        if (name.equals(SplitCluster.NOTIFICATIONS)) {
            settings.add("--spring.mail.host=127.0.0.1");
            settings.add("--spring.mail.port=" + mail.getSmtp().getPort());
        }
        return settings;
    }

    public SplitCluster cluster() {
        return cluster;
    }

    public GreenMail mail() {
        return mail;
    }

    /** A client for the database of one process ({@code shop}, {@code payments}, {@code notifications}). */
    public JdbcClient database(String name) {
        var database = databases.get(name);
        return JdbcClient.create(new SimpleDriverDataSource(
                new org.postgresql.Driver(), database.url(), database.username(), database.password()));
    }

    @Override
    public void close() {
        cluster.close();
        mail.stop();
    }

    /** Resolves a {@link TestCluster} parameter: the one cluster of this test run, started on first use. */
    public static final class Extension implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestCluster.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot()
                    .getStore(ExtensionContext.Namespace.create(TestCluster.class))
                    .computeIfAbsent(TestCluster.class, key -> startOrFail(), TestCluster.class);
        }

        private static TestCluster startOrFail() {
            try {
                return start();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
