package io.seams.fitness;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An empty PostgreSQL database for the database rule: on the server {@code fitness.database.url}
 * names (with {@code fitness.database.username} and {@code fitness.database.password}), or else on
 * an embedded PostgreSQL that this JVM starts once, on 127.0.0.1, and stops when it exits.
 */
public final class FitnessDatabase {

    private static @Nullable EmbeddedPostgres embedded;

    private FitnessDatabase() {}

    /** A new, empty database: on the configured server, or on the embedded one. */
    public static synchronized DataSource fresh(FitnessSettings settings) {
        var url = settings.databaseUrl();
        if (url.isPresent()) {
            return create(url.get(), settings.databaseUsername(), settings.databasePassword());
        }
        var server = embedded;
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("fsync", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Cannot start the embedded PostgreSQL for the database rule; set fitness.database.url"
                                + " to use a server instead",
                        e);
            }
            embedded = server;
        }
        return create(server.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    private static DataSource create(String url, String username, String password) {
        var server = new DriverManagerDataSource(url, username, password);
        var name = "fitness_" + UUID.randomUUID().toString().replace("-", "");
        try (var connection = server.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a database on " + url, e);
        }
        var query = url.indexOf('?');
        var base = query < 0 ? url : url.substring(0, query);
        var database = base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : url.substring(query));
        return new DriverManagerDataSource(database, username, password);
    }
}
