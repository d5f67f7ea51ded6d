package io.seams.fitness;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An empty PostgreSQL database for the database rule: on the server {@code fitness.database.url}
 * names (with {@code fitness.database.username} and {@code fitness.database.password}), or else on
 * an embedded PostgreSQL that this JVM starts once, on 127.0.0.1, and stops when it exits.
 */
public final class FitnessDatabase {

    private static EmbeddedPostgres embedded;

    private FitnessDatabase() {}

    /** A new, empty database: on the configured server, or on the embedded one. */
    public static synchronized DataSource fresh(FitnessSettings settings) {
        var url = settings.databaseUrl();
        if (url.isPresent()) {
            return create(
                    new DriverManagerDataSource(url.get(), settings.databaseUsername(), settings.databasePassword()));
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder()
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("fsync", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Cannot start the embedded PostgreSQL for the database rule; set fitness.database.url"
                                + " to use a server instead",
                        e);
            }
        }
        return create(new DriverManagerDataSource(embedded.getJdbcUrl("postgres", "postgres"), "postgres", ""));
    }

    private static DataSource create(DriverManagerDataSource server) {
        var name = "fitness_" + UUID.randomUUID().toString().replace("-", "");
        try (var connection = server.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a database on " + server.getUrl(), e);
        }
        var url = server.getUrl();
        var query = url.indexOf('?');
        var base = query < 0 ? url : url.substring(0, query);
        var database = base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : url.substring(query));
        return new DriverManagerDataSource(database, server.getUsername(), server.getPassword());
    }
}
