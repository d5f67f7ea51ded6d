package io.seams.shop.platform.database;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Migrates each module's schema with that module's own migrations and its own Flyway history
 * table. The migrations of module {@code x} live in {@code db/x/} (packaged as
 * {@code classpath:db/x/}), create and change objects only in schema {@code x}, and are recorded
 * in {@code x.flyway_schema_history}: no module's migrations can block or reorder another's.
 *
 * <p>The schema {@code events} holds Spring Modulith's event publication registry.
 */
@Component
class ModuleSchemaMigrations implements InitializingBean {

    static final String LOCATION_PATTERN = "classpath*:db/*/V*.sql";
    private static final Logger log = LoggerFactory.getLogger(ModuleSchemaMigrations.class);

    private final DataSource dataSource;
    private final ResourcePatternResolver resources;

    ModuleSchemaMigrations(DataSource dataSource, ResourcePatternResolver resources) {
        this.dataSource = dataSource;
        this.resources = resources;
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        for (var schema : schemas()) {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(schema)
                    .createSchemas(true)
                    .locations("classpath:db/" + schema)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            log.info(
                    "Schema {}: {} migration(s) applied, at version {}",
                    schema,
                    result.migrationsExecuted,
                    result.targetSchemaVersion);
        }
    }

    /** The schemas that have migrations on the class path, one per folder under {@code db/}. */
    List<String> schemas() throws IOException {
        return Stream.of(resources.getResources(LOCATION_PATTERN))
                .map(ModuleSchemaMigrations::folderOf)
                .filter(Objects::nonNull)
                .distinct()
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    private static String folderOf(Resource migration) {
        try {
            var path = migration.getURL().toString();
            var parts = path.split("/");
            return parts.length >= 2 ? parts[parts.length - 2] : null;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot locate migration " + migration, e);
        }
    }
}
