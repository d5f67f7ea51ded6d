package io.seams.shop.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

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

    private static final class Server {

        private final String adminUrl;
        private final String username;
        private final String password;
        private final List<String> created = new ArrayList<>();

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
                Runtime.getRuntime().addShutdownHook(new Thread(server::dropCreatedDatabases, "drop-test-databases"));
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
                // Stopped by a JVM shutdown hook of its own: Spring Boot's shutdown handlers run only in
                // a JVM that started an application, and a run of -Pfitness starts none (each such run
                // left a server behind).
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(() -> closeAfterSpring(embedded), "stop-test-database"));
                return new Server(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL for the tests", e);
            }
        }

        /**
         * The cached test contexts are closed by Spring Boot's shutdown hook, and closing them still
         * uses the database (the event publication registry looks for incomplete work): where that
         * hook runs, the server stops after it.
         */
        private static void closeAfterSpring(EmbeddedPostgres embedded) {
            Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().equals("SpringApplicationShutdownHook"))
                    .forEach(spring -> {
                        try {
                            spring.join(Duration.ofMinutes(1).toMillis());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
            close(embedded);
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

        /** jdbc:postgresql://host:port/db?params with db replaced. */
        private static String replaceDatabase(String url, String database) {
            var queryStart = url.indexOf('?');
            var base = queryStart < 0 ? url : url.substring(0, queryStart);
            var query = queryStart < 0 ? "" : url.substring(queryStart);
            return base.substring(0, base.lastIndexOf('/') + 1) + database + query;
        }
    }
}
