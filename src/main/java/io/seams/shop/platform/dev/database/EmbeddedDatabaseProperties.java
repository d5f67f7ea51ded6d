package io.seams.shop.platform.dev.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL that runs Seams when no datasource is configured.
 *
 * @param enabled whether to start an embedded PostgreSQL when {@code spring.datasource.url} is not
 *     set; the {@code prod} profile turns it off
 * @param dataDirectory where the embedded server keeps its data, kept across restarts
 * @param port the port the embedded server listens on (on 127.0.0.1)
 * @param database the database Seams uses on the embedded server, created on first start
 */
@ConfigurationProperties("seams.database.embedded")
record EmbeddedDatabaseProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue(".seams/postgres") Path dataDirectory,
        @DefaultValue("15432") int port,
        @DefaultValue("seams") String database) {}
