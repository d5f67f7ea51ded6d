package io.seams.shop.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.SpringApplication;

/**
 * The PostgreSQL server the tests run against, and a fresh database on it for every Spring
 * context. By default one embedded PostgreSQL 17 per test JVM; when {@code
 * SEAMS_TEST_DATABASE_URL} points at a server (with {@code SEAMS_TEST_DATABASE_USERNAME} and
 * {@code SEAMS_TEST_DATABASE_PASSWORD}), the fresh databases are created there instead.
 */
public final class TestDatabases {

    /**
     * How to reach one database.
     *
     * @param url its JDBC URL
     * @param username who to log in as
     * @param password the password, empty for the embedded server
     */
    public record Database(String url, String username, String password) {}

    private static Server server;

    private TestDatabases() {}

    /** Creates an empty database that no other test context uses. */
    public static synchronized Database fresh() {
        if (server == null) {
            server = Server.start();
        }
        return server.createDatabase();
    }

    /**
     * The server itself, for test JVMs of their own that should create their databases on it (through
     * {@code SEAMS_TEST_DATABASE_URL}): the workshop's exercise verifier.
     */
    public static synchronized Database server() {
        if (server == null) {
            server = Server.start();
        }
        return new Database(server.adminUrl, server.username, server.password);
    }

    /**
     * Says that Spring applications in this JVM use the server: it is then stopped (or its databases
     * dropped) by Spring Boot's shutdown hook, after that hook has closed every application, rather
     * than by a JVM hook of its own that would run beside Spring's and pull the database from under
     * the applications still closing. Spring Boot's hook exists only in a JVM that started an
     * application, so until this is called (a run of -Pfitness starts none) a JVM hook stays.
     */
    public static synchronized void closedAfterSpringApplications() {
        if (server != null) {
            server.atExit.handOverToSpring();
        }
    }

    private static final class Server {

        private final String adminUrl;
        private final String username;
        private final String password;
        private final List<String> created = new ArrayList<>();

        private AtExit atExit;

        private Server(String adminUrl, String username, String password) {
            this.adminUrl = adminUrl;
            this.username = username;
            this.password = password;
        }

        static Server start() {
            var external = System.getenv("SEAMS_TEST_DATABASE_URL");
            if (external != null && !external.isBlank()) {
                var server = new Server(
                        external,
                        System.getenv().getOrDefault("SEAMS_TEST_DATABASE_USERNAME", "postgres"),
                        System.getenv().getOrDefault("SEAMS_TEST_DATABASE_PASSWORD", ""));
                // A shared server keeps what it is given: drop this run's databases when the JVM ends.
                server.atExit = new AtExit(server::dropCreatedDatabases);
                return server;
            }
            try {
                var embedded = EmbeddedPostgres.builder()
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("fsync", "off")
                        // Every cached Spring test context keeps its pool (16 connections) open.
                        .setServerConfig("max_connections", "800")
                        .setRegisterShutdownHook(false)
                        .start();
                var server = new Server(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
                server.atExit = new AtExit(() -> close(embedded));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL for the tests", e);
            }
        }

        private static void close(EmbeddedPostgres embedded) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        synchronized Database createDatabase() {
            var name = "seams_test_" + UUID.randomUUID().toString().replace("-", "");
            execute("CREATE DATABASE " + name);
            created.add(name);
            return new Database(replaceDatabase(adminUrl, name), username, password);
        }

        private synchronized void dropCreatedDatabases() {
            created.forEach(name -> {
                try {
                    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                } catch (IllegalStateException e) {
                    // The server may already be gone at JVM exit; its databases go with it.
                }
            });
        }

        private void execute(String sql) {
            var properties = new Properties();
            properties.setProperty("user", username);
            properties.setProperty("password", password);
            properties.setProperty("connectTimeout", "10");
            properties.setProperty("socketTimeout", "60");
            try (var connection = DriverManager.getConnection(adminUrl, properties);
                    var statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot run '%s' on the test server".formatted(sql), e);
            }
        }

        /**
         * What ends the server, run once: by a JVM shutdown hook until Spring applications use the
         * server, then by Spring Boot's shutdown handlers, which run after the applications closed.
         */
        private static final class AtExit {

            private final Runnable once;
            private final Thread hook;
            private boolean handedOver;

            AtExit(Runnable action) {
                var done = new AtomicBoolean();
                this.once = () -> {
                    if (done.compareAndSet(false, true)) {
                        action.run();
                    }
                };
                this.hook = new Thread(once, "stop-test-database");
                Runtime.getRuntime().addShutdownHook(hook);
            }

            synchronized void handOverToSpring() {
                if (!handedOver && Runtime.getRuntime().removeShutdownHook(hook)) {
                    SpringApplication.getShutdownHandlers().add(once);
                    handedOver = true;
                }
            }
        }

        /** jdbc:postgresql://host:port/db?params with db replaced. */
        private static String replaceDatabase(String url, String database) {
            var queryStart = url.indexOf('?');
            var base = queryStart < 0 ? url : url.substring(0, queryStart);
            var query = queryStart < 0 ? "" : url.substring(queryStart);
            return base.substring(0, base.lastIndexOf('/') + 1) + database + query;
        }
    }
}
