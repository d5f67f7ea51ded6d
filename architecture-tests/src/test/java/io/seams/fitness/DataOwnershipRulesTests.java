package io.seams.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.fitness.fixtures.clean.CleanApplication;
import io.seams.fitness.fixtures.data.DataApplication;
import io.seams.fitness.fixtures.shared.SharedApplication;
import io.seams.fitness.fixtures.sharedclean.SharedCleanApplication;
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
    static final ModularApplication shared = ModularApplication.of(SharedApplication.class)
            .withSources(SOURCES, SOURCES)
            .withMigrations(Fixtures.path("src/test/sql/shared"));
    static final ModularApplication sharedClean = ModularApplication.of(SharedCleanApplication.class)
            .withSources(SOURCES, SOURCES)
            .withMigrations(Fixtures.path("src/test/sql/shared-clean"));

    @Test
    void reportsSqlNamingAnotherModulesSchema() {
        Violations.assertExactly(
                DataOwnershipRules.moduleSqlNamesOnlyItsOwnSchema(violating),
                violating.classes(),
                "fixtures/data/ordering/persistence/OrderQueries.java:9: module 'ordering' names 'billing.invoice'"
                        + " of schema 'billing'",
                "fixtures/data/ordering/messaging/OrderMessages.java:30: module 'ordering' names"
                        + " 'billing.invoice_total' of schema 'billing'",
                "fixtures/data/ordering/persistence/OrderQueries.java:12: module 'ordering' names 'invoice', a table"
                        + " of module 'billing'. Fix: ask module 'billing' through its API",
                // In a string value that names an object (nextval('billing.invoice_number')).
                "fixtures/data/ordering/persistence/OrderQueries.java:15: module 'ordering' names"
                        + " 'billing.invoice_number' of schema 'billing'",
                // Put together from concatenated literals, and from a constant.
                "fixtures/data/ordering/persistence/OrderTotals.java:8: module 'ordering' names"
                        + " 'billing.invoice_total' of schema 'billing'",
                "fixtures/data/ordering/persistence/OrderTotals.java:10: module 'ordering' names 'billing.invoice'",
                // Formatted with a constant, and with quoted identifiers.
                "fixtures/data/ordering/persistence/OrderTotals.java:14: module 'ordering' names"
                        + " 'billing.invoice_line'",
                "fixtures/data/ordering/persistence/OrderTotals.java:16: module 'ordering' names 'billing.invoice'",
                // A fragment appended to a StringBuilder of SQL; not one appended to a message.
                "fixtures/data/ordering/persistence/OrderSearch.java:22: module 'ordering' names 'billing.invoice'",
                // Put together from a constant of another file: only the class file holds the SQL.
                "fixtures/data/ordering/persistence/OverdueInvoices.java: module 'ordering' names 'billing.invoice'"
                        + " of schema 'billing' in SQL the compiler put together from constants declared elsewhere."
                        + " Fix: ask module 'billing'",
                // Kept in a resource that the module's code names and loads.
                "unpaid-invoices.sql:3 (read by ",
                "classpath:io/seams/fitness/fixtures/data/ordering/persistence/late-invoices.sql:1 (read by ");
    }

    @Test
    void sqlInCapitalsNamesTheSameTablesWhateverTheDefaultLocale() {
        var sql = "INSERT INTO BILLING.INVOICE SELECT * FROM LENDING.LOAN JOIN LENDING.MEMBER_LIST USING (MEMBER_ID)";

        assertThat(Fixtures.inTurkish(() -> SqlText.tablesIn(Path.of("x.sql"), 1, sql)).stream()
                        .map(reference -> reference.schema() + "." + reference.name())
                        .toList())
                .containsExactly("billing.invoice", "lending.loan", "lending.member_list");
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
                        || violation.contains("OrderMessages.java:20")
                        || violation.contains("billing.invoicecancelled"));
    }

    @Test
    void reportsSqlInAModulesTestsNamingAnotherModulesSchema() {
        var withTests = violating.withSources(SOURCES, Fixtures.path("src/test/fixture-tests"));

        Violations.assertExactly(
                DataOwnershipRules.moduleSqlNamesOnlyItsOwnSchema(withTests),
                withTests.classes(),
                "fixtures/data/ordering/persistence/OrderQueries.java:9: module 'ordering' names 'billing.invoice'",
                "fixtures/data/ordering/messaging/OrderMessages.java:30: module 'ordering' names"
                        + " 'billing.invoice_total'",
                "fixtures/data/ordering/OrderingTests.java:7: a test of module 'ordering' names 'billing.invoice'"
                        + " of schema 'billing'. Fix: set up and check module 'billing' through its API or events",
                "fixtures/data/ordering/persistence/OrderQueries.java:12: module 'ordering' names 'invoice'",
                "fixtures/data/ordering/persistence/OrderQueries.java:15: module 'ordering' names"
                        + " 'billing.invoice_number'",
                "fixtures/data/ordering/persistence/OrderTotals.java:8: module 'ordering' names 'billing.invoice_total'",
                "fixtures/data/ordering/persistence/OrderTotals.java:10: module 'ordering' names 'billing.invoice'",
                "fixtures/data/ordering/persistence/OrderTotals.java:14: module 'ordering' names 'billing.invoice_line'",
                "fixtures/data/ordering/persistence/OrderTotals.java:16: module 'ordering' names 'billing.invoice'",
                // A fragment appended to a StringBuilder of SQL; not one appended to a message.
                "fixtures/data/ordering/persistence/OrderSearch.java:22: module 'ordering' names 'billing.invoice'",
                // Put together from a constant of another file: only the class file holds the SQL.
                "fixtures/data/ordering/persistence/OverdueInvoices.java: module 'ordering' names 'billing.invoice'"
                        + " of schema 'billing' in SQL the compiler put together from constants declared elsewhere."
                        + " Fix: ask module 'billing'",
                // Kept in a resource that the module's code names and loads.
                "unpaid-invoices.sql:3 (read by ",
                "classpath:io/seams/fitness/fixtures/data/ordering/persistence/late-invoices.sql:1 (read by ");
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
                "data/ordering/V1__purchase_order.sql:4: migration of 'ordering' names 'billing.invoice'",
                "data/ordering/V2__reach.sql:2: migration of 'ordering' names 'schema billing' in schema 'billing'",
                "data/ordering/V2__reach.sql:3: migration of 'ordering' names 'search_path to billing' in schema"
                        + " 'billing'",
                "data/ordering/V2__reach.sql:2: migration of 'ordering' grants to PUBLIC",
                // In dynamic SQL (EXECUTE '...'); the same words as a plain text value name nothing.
                "data/ordering/V3__dynamic.sql:4: migration of 'ordering' names 'billing.invoice'",
                // In the bodies of functions and procedures: as an SQL string, on one line or several,
                // and between $$ or $body$; a string value in a body names nothing.
                "data/ordering/V4__functions.sql:2: migration of 'ordering' names 'billing.invoice'",
                "data/ordering/V4__functions.sql:6: migration of 'ordering' names 'billing.invoice'",
                "data/ordering/V4__functions.sql:12: migration of 'ordering' names 'billing.invoice'",
                "data/ordering/V4__functions.sql:18: migration of 'ordering' names 'billing.invoice_note'");
    }

    @Test
    void reportsAMigrationPuttingATableInPublicOrGrantingToEveryRole() {
        var open = violating.withMigrations(Fixtures.path("src/test/sql/public-reach"));

        Violations.assertExactly(
                DataOwnershipRules.migrationsChangeOnlyTheirOwnSchema(open),
                open.classes(),
                "public-reach/billing/V1__invoice.sql:5: migration of 'billing' grants to PUBLIC, that is to every"
                        + " role, so to every other module's too. Fix: grant to the module's own role",
                "public-reach/billing/V2__search.sql:2: migration of 'billing' creates extension 'pg_trgm', an object"
                        + " of the whole database",
                "public-reach/ordering/V1__purchase_order.sql:6: migration of 'ordering' names 'public.order_note' in"
                        + " schema 'public', which no module owns: every module can reach it, and it stays behind"
                        + " when 'ordering' is extracted. Fix: create it in the module's own schema",
                "public-reach/ordering/V1__purchase_order.sql:10: migration of 'ordering' grants to PUBLIC",
                "public-reach/ordering/V2__reporting.sql:2: migration of 'ordering' creates schema 'reporting', which"
                        + " no module owns",
                "public-reach/ordering/V2__reporting.sql:3: migration of 'ordering' names 'search_path to billing' in"
                        + " schema 'billing'");
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

    @Test
    void whereModulesShareASchemaTheMigrationsTellWhoseTableIsWhose() {
        var ownership = TableOwnership.of(shared);

        assertThat(ownership.shared())
                .containsOnly(
                        java.util.Map.entry("public.invoice", java.util.Set.of("billing")),
                        java.util.Map.entry("public.purchase_order", java.util.Set.of("ordering")),
                        java.util.Map.entry("public.unfinished_publication", java.util.Set.of("ordering")));
        assertThat(ownership.root()).containsExactly("public.event_publication");
        assertThat(TableOwnership.of(violating).shared()).isEmpty();
    }

    @Test
    void whereModulesShareASchemaReportsSqlNamingAnotherModulesTable() {
        Violations.assertExactly(
                DataOwnershipRules.moduleSqlNamesOnlyItsOwnSchema(shared),
                shared.classes(),
                "fixtures/shared/ordering/persistence/OrderQueries.java:12: module 'ordering' names 'invoice', a"
                        + " table of module 'billing'. Fix: ask module 'billing' through its API or react to its"
                        + " events");
    }

    @Test
    void whereModulesShareASchemaReportsAMigrationNamingAnotherModulesTable() {
        Violations.assertExactly(
                DataOwnershipRules.migrationsChangeOnlyTheirOwnSchema(shared),
                shared.classes(),
                "shared/ordering/V1__purchase_order.sql:5: migration of 'ordering' names 'invoice', a table of"
                        + " module 'billing'. Fix: keep the other module's id without a foreign key");
    }

    @Test
    void passesModulesThatShareASchemaAndKeepToTheirOwnTables() {
        Violations.assertNone(DataOwnershipRules.moduleSqlNamesOnlyItsOwnSchema(sharedClean), sharedClean.classes());
        Violations.assertNone(
                DataOwnershipRules.migrationsChangeOnlyTheirOwnSchema(sharedClean), sharedClean.classes());
    }

    @Test
    void tablesAreNamedOnlyWhereSqlExpectsATable() {
        var file = Path.of("x.sql");
        assertThat(SqlText.tablesIn(file, 1, """
                        SELECT a.x AS invoice, 'from invoice' FROM loan a, public.book b
                        -- JOIN invoice
                        JOIN "member" m ON m.id = a.member_id
                        WHERE a.kind = 'invoice'""").stream()
                        .map(reference -> reference.text() + "@" + reference.line())
                        .toList())
                // m.id after ON is a candidate too (ON also names tables: CREATE INDEX ... ON t), but
                // one that names no table the migrations create.
                .containsExactly("loan@1", "public.book@1", "member@3", "m.id@3");
        assertThat(
                        SqlText.tablesIn(
                                        file,
                                        1,
                                        "ALTER TABLE IF EXISTS ONLY loan ADD FOREIGN KEY (isbn) REFERENCES book")
                                .stream()
                                .map(SqlText.TableReference::name)
                                .toList())
                .containsExactly("loan", "book");
    }
}
