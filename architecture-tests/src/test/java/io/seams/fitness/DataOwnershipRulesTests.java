package io.seams.fitness;

import io.seams.fitness.fixtures.clean.CleanApplication;
import io.seams.fitness.fixtures.data.DataApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DataOwnershipRulesTests {

    static final Path SOURCES = Fixtures.path("src/test/java");
    static final ModularApplication violating = ModularApplication.of(DataApplication.class)
            .withSources(SOURCES, SOURCES)
            .withMigrations(Fixtures.path("src/test/sql/data"));
    static final ModularApplication clean = ModularApplication.of(CleanApplication.class)
            .withSources(SOURCES, SOURCES)
            .withMigrations(Fixtures.path("src/test/sql/clean"));

    @Test
    void reportsSqlNamingAnotherModulesSchema() {
        Violations.assertExactly(
                DataOwnershipRules.moduleSqlNamesOnlyItsOwnSchema(violating),
                violating.classes(),
                "fixtures/data/ordering/persistence/OrderQueries.java:9: module 'ordering' names 'billing.invoice'"
                        + " of schema 'billing'");
    }

    @Test
    void reportsAMigrationReferencingAnotherSchema() {
        Violations.assertExactly(
                DataOwnershipRules.migrationsChangeOnlyTheirOwnSchema(violating),
                violating.classes(),
                "data/ordering/V1__purchase_order.sql:4: migration of 'ordering' names 'billing.invoice'");
    }

    @Test
    void sqlNamingASchemaTheModuleWasGivenIsItsOwn() {
        var owning = violating.withSchemaOwnedBy("billing", "ordering");

        Violations.assertNone(DataOwnershipRules.moduleSqlNamesOnlyItsOwnSchema(owning), owning.classes());
    }

    @Test
    void passesACleanApplication() {
        Violations.assertNone(DataOwnershipRules.moduleSqlNamesOnlyItsOwnSchema(clean), clean.classes());
        Violations.assertNone(DataOwnershipRules.migrationsChangeOnlyTheirOwnSchema(clean), clean.classes());
    }
}
