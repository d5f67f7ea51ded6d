package io.seams.shop.platform.adapters.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.SQLException;
import javax.sql.DataSource;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says once, at start, which database Seams uses and where it is. */
@Component
@RequiredArgsConstructor
class DatabaseStartupReport {

    private static final Logger log = LoggerFactory.getLogger(DatabaseStartupReport.class);

    private final DataSource dataSource;
    private final ObjectProvider<EmbeddedPostgres> embedded;

    @EventListener(ApplicationStartedEvent.class)
    void report() throws SQLException {
        try (var connection = dataSource.getConnection()) {
            var metadata = connection.getMetaData();
            var server = "PostgreSQL " + metadata.getDatabaseProductVersion();
            if (embedded.getIfAvailable() != null) {
                // Asked of the server, so that this report needs nothing of the embedded database's configuration.
                String dataDirectory;
                try (var statement = connection.createStatement();
                        var result = statement.executeQuery("SHOW data_directory")) {
                    result.next();
                    dataDirectory = result.getString(1);
                }
                log.info(
                        "Database: embedded {} at {} (user postgres, data in {})",
                        server,
                        metadata.getURL(),
                        dataDirectory);
            } else {
                log.info("Database: {} at {} (configured datasource)", server, metadata.getURL());
            }
        }
    }
}
