package io.seams.benchmark;

import io.seams.shop.testing.KafkaBroker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL server of one topology, started by the benchmark (the same embedded PostgreSQL 17
 * Seams starts by itself, with the same settings) so that its processes can be measured and its
 * statements logged. Each Seams process gets a database of its own on it.
 */
final class Postgres implements AutoCloseable {

    /** The {@code application_name} of the benchmark's own connections. */
    static final String HARNESS = "benchmark";

    /** The prefix of every line of the statement log: pid and application name. */
    static final String LOG_LINE_PREFIX = "%p|%a|";

    private final EmbeddedPostgres server;
    private final Path dataDirectory;

    private Postgres(EmbeddedPostgres server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    static Postgres start(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        var server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .setPort(KafkaBroker.freePort())
                .setServerConfig("listen_addresses", "127.0.0.1")
                // The statements of one order are captured into this file (DatabaseCeiling). No
                // log_line_prefix here: a start-up option would win over ALTER SYSTEM (logStatements sets it),
                // and the embedded server's start-up command line breaks a value holding '|'.
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_directory", "log")
                .setServerConfig("log_filename", "postgresql.log")
                .setRegisterShutdownHook(false)
                .start();
        return new Postgres(server, dataDirectory);
    }

    void createDatabase(String name) throws SQLException {
        try (var connection = connect("postgres");
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
    }

    String url(String database) {
        return server.getJdbcUrl("postgres", database);
    }

    /**
     * A connection of the benchmark's own (its {@code application_name} is {@value #HARNESS}, so that
     * its statements are told apart in the log and its backend's CPU apart from the server's).
     */
    Connection connect(String database) throws SQLException {
        var url = url(database);
        return DriverManager.getConnection(
                url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + HARNESS, "postgres", "");
    }

    /** The backend process serving {@code connection}. */
    static long backendPid(Connection connection) throws SQLException {
        try (var result = connection.createStatement().executeQuery("SELECT pg_backend_pid()")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The postmaster; its backends are its children. */
    ProcessHandle process() throws IOException {
        var pid = Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                .get(0)
                .trim();
        return ProcessHandle.of(Long.parseLong(pid)).orElseThrow();
    }

    Path log() {
        return dataDirectory.resolve("log").resolve("postgresql.log");
    }

    /**
     * Logs every statement from now on ({@code log_statement = all}), each line prefixed with the
     * backend's pid and the connection's application name ({@value #LOG_LINE_PREFIX}; the
     * benchmark's own connections say {@value #HARNESS}), or none. (Set here, not at start: the
     * embedded server's start-up command line breaks a value holding {@code |}.)
     */
    void logStatements(boolean all) throws SQLException {
        try (var connection = connect("postgres");
                var statement = connection.createStatement()) {
            statement.execute("ALTER SYSTEM SET log_line_prefix = '" + LOG_LINE_PREFIX + "'");
            statement.execute("ALTER SYSTEM SET log_statement = '" + (all ? "all" : "none") + "'");
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    /** A setting of the running server ({@code SHOW name}). */
    String setting(String name) throws SQLException {
        try (var connection = connect("postgres");
                var result = connection.createStatement().executeQuery("SHOW " + name)) {
            result.next();
            return result.getString(1);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
