package io.seams.fitness;

import static org.assertj.core.api.Assertions.assertThat;

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
                        + " of schema 'billing'",
                "fixtures/data/ordering/messaging/OrderMessages.java:24: module 'ordering' names"
                        + " 'billing.invoice_total' of schema 'billing'");
    }

    @Test
    void dottedStringsThatAreNotSqlDoNotCount() {
        assertThat(SqlText.isSql("billing.new")).isFalse();
        assertThat(SqlText.isSql("Sent order to billing.invoice from the ordering module"))
                .isFalse();
        assertThat(SqlText.isSql("select a, b from billing.invoice")).isTrue();
        assertThat(SqlText.isSql("UPDATE billing.invoice SET total = 0")).isTrue();
        assertThat(Violations.of(DataOwnershipRules.moduleSqlNamesOnlyItsOwnSchema(violating), violating.classes()))
                .noneMatch(violation -> violation.contains("billing.new")
                        || violation.contains("OrderMessages.java:10")
                        || violation.contains("OrderMessages.java:19")
                        || violation.contains("OrderMessages.java:20"));
    }

    @Test
    void reportsSqlInAModulesTestsNamingAnotherModulesSchema() {
        var withTests = violating.withSources(SOURCES, Fixtures.path("src/test/fixture-tests"));

        Violations.assertExactly(
                DataOwnershipRules.moduleSqlNamesOnlyItsOwnSchema(withTests),
                withTests.classes(),
                "fixtures/data/ordering/persistence/OrderQueries.java:9: module 'ordering' names 'billing.invoice'",
                "fixtures/data/ordering/messaging/OrderMessages.java:24: module 'ordering' names"
                        + " 'billing.invoice_total'",
                "fixtures/data/ordering/OrderingTests.java:7: a test of module 'ordering' names 'billing.invoice'"
                        + " of schema 'billing'. Fix: set up and check module 'billing' through its API or events");
    }

    @Test
    void reportsModulithMigrationsReachingIntoAnotherSchemaAndRootMigrationsInAModulesSchema() {
        var modulith = violating.withMigrations(Fixtures.path("src/test/sql/modulith"));

        assertThat(DataOwnershipRules.schemas(modulith)).containsExactly("billing", "ordering");
        Violations.assertExactly(
                DataOwnershipRules.migrationsChangeOnlyTheirOwnSchema(modulith),
                modulith.classes(),
                "modulith/ordering/V1__purchase_order.sql:5: migration of 'ordering' names 'billing.invoice'",
                "modulith/__root/V1__shared.sql:5: root migration (__root, no module) names 'billing.legacy_total'"
                        + " in schema 'billing' of a module. Fix: move it to that module's migrations folder");
    }

    @Test
    void passesCleanModulithMigrations() {
        var modulith = clean.withMigrations(Fixtures.path("src/test/sql/modulith-clean"));

        Violations.assertNone(DataOwnershipRules.migrationsChangeOnlyTheirOwnSchema(modulith), modulith.classes());
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
