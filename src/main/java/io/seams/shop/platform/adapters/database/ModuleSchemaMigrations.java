package io.seams.shop.platform.adapters.database;

import io.seams.shop.platform.distribution.topology.HostedModules;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Migrates each module's schema with that module's own migrations and its own Flyway history
 * table. The migrations of module {@code x} live in {@code db/x/} (packaged as
 * {@code classpath:db/x/}), create and change objects only in schema {@code x}, and are recorded
 * in {@code x.flyway_schema_history}: no module's migrations can block or reorder another's.
 *
 * <p>The schema {@code events} holds Spring Modulith's event publication registry.
 *
 * <p>Each module schema {@code x} also gets a role {@code seams_x} (unless
 * {@code seams.database.module-roles=false}) that may use schema {@code x} and the registry and
 * nothing else. Module tests run their database work under it, so SQL that strays into another
 * module's schema fails there, loudly; a process hosting one module can log in with it.
 */
@Component
class ModuleSchemaMigrations implements InitializingBean {

    static final String LOCATION_PATTERN = "classpath*:db/*/V*.sql";
    private static final Logger log = LoggerFactory.getLogger(ModuleSchemaMigrations.class);

    static final String EVENTS_SCHEMA = "events";

    private final DataSource dataSource;
    private final ResourcePatternResolver resources;
    private final boolean moduleRoles;

    private final HostedModules hosted;

    ModuleSchemaMigrations(
            DataSource dataSource,
            ResourcePatternResolver resources,
            Environment environment,
            @Value("${seams.database.module-roles:true}") boolean moduleRoles) {
        this.dataSource = dataSource;
        this.resources = resources;
        this.hosted = HostedModules.from(environment);
        this.moduleRoles = moduleRoles;
    }

    /** The role that may use only the given module's schema (and the event registry). */
    static String roleOf(String module) {
        return "seams_" + module;
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
        if (moduleRoles) {
            schemas().stream().filter(schema -> !schema.equals(EVENTS_SCHEMA)).forEach(this::grantModuleRole);
        }
    }

    private void grantModuleRole(String schema) {
        var role = roleOf(schema);
        var jdbc = JdbcClient.create(dataSource);
        // Roles belong to the whole server, so another database may have created it already.
        jdbc.sql("DO $$ BEGIN CREATE ROLE %s NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$"
                        .formatted(role))
                .update();
        for (var granted : List.of(schema, EVENTS_SCHEMA)) {
            jdbc.sql("GRANT USAGE ON SCHEMA %s TO %s".formatted(granted, role)).update();
            jdbc.sql("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %s TO %s".formatted(granted, role))
                    .update();
            jdbc.sql("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %s TO %s".formatted(granted, role))
                    .update();
        }
    }

    /**
     * The schemas to migrate: one per folder under {@code db/} on the class path, of the modules
     * this process hosts, and the event registry's.
     */
    List<String> schemas() throws IOException {
        return Stream.of(resources.getResources(LOCATION_PATTERN))
                .map(ModuleSchemaMigrations::folderOf)
                .filter(Objects::nonNull)
                .distinct()
                .filter(schema -> schema.equals(EVENTS_SCHEMA) || hosted.hosts(schema))
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    /** The name of the folder the migration is in, if it is in one. */
    private static @Nullable String folderOf(Resource migration) {
        try {
            var path = migration.getURL().toString();
            var end = path.lastIndexOf('/');
            return end < 0 ? null : path.substring(path.lastIndexOf('/', end - 1) + 1, end);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot locate migration " + migration, e);
        }
    }
}
