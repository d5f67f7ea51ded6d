package io.seams.fitness;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Migrates a database the way a modular application does: one schema and history per folder. */
public final class MigratedDatabase {

    private MigratedDatabase() {}

    /** Runs the migrations of every folder under {@code migrations} into the schema named like it. */
    public static void migrateEachFolder(DataSource database, ModularApplication app) {
        for (var folder : DataOwnershipRules.migrationFolders(app)) {
            Flyway.configure()
                    .dataSource(database)
                    .schemas(folder)
                    .createSchemas(true)
                    .locations("filesystem:" + app.migrations().resolve(folder).toAbsolutePath())
                    .load()
                    .migrate();
        }
    }
}
