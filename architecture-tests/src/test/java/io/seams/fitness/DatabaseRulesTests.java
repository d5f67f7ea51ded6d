package io.seams.fitness;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.seams.fitness.fixtures.clean.CleanApplication;
import io.seams.fitness.fixtures.data.DataApplication;
import io.seams.fitness.fixtures.shared.SharedApplication;
import io.seams.fitness.fixtures.sharedclean.SharedCleanApplication;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rule 4 on a real PostgreSQL, migrated with each fixture's migrations. */
class DatabaseRulesTests {

    @Test
    void reportsForeignKeysViewsAndTriggersCrossingSchemas() {
        var app = ModularApplication.of(DataApplication.class).withMigrations(Fixtures.path("src/test/sql/database"));

        Violations.assertExactly(
                DatabaseRules.noDatabaseObjectCrossesSchemas(migrated(app), DataOwnershipRules.schemas(app)),
                app.classes(),
                "foreign key ordering.purchase_order.purchase_order_invoice_id_fkey references billing.invoice",
                "view ordering.invoiced_orders reads billing.invoice",
                "trigger ordering.purchase_order.touch_invoice runs billing.touch");
    }

    @Test
    void migratesSpringModulithsLayoutWhereModulesCreateTheirSchemasAndReportsWhatCrosses() {
        var app = ModularApplication.of(DataApplication.class).withMigrations(Fixtures.path("src/test/sql/modulith"));

        assertThat(MigratedDatabase.isModulithLayout(app)).isTrue();
        Violations.assertExactly(
                DatabaseRules.noDatabaseObjectCrossesSchemas(migrated(app), DataOwnershipRules.schemas(app)),
                app.classes(),
                "foreign key ordering.purchase_order.purchase_order_invoice_id_fkey references billing.invoice");
    }

    @Test
    void passesCleanMigrationsInSpringModulithsLayout() {
        var app = ModularApplication.of(CleanApplication.class)
                .withMigrations(Fixtures.path("src/test/sql/modulith-clean"));
        var database = migrated(app);

        Violations.assertNone(
                DatabaseRules.noDatabaseObjectCrossesSchemas(database, DataOwnershipRules.schemas(app)), app.classes());
        assertThat(JdbcClient.create(database)
                        .sql("SELECT table_name FROM information_schema.tables WHERE table_name LIKE"
                                + " 'flyway_schema_history%' ORDER BY 1")
                        .query(String.class)
                        .list())
                .containsExactly(
                        "flyway_schema_history", "flyway_schema_history_billing", "flyway_schema_history_ordering");
    }

    @Test
    void aFolderThatCreatesItsOwnSchemaIsNotGivenOneInAdvance() {
        var app = ModularApplication.of(CleanApplication.class)
                .withMigrations(Fixtures.path("src/test/sql/self-created"));
        var database = migrated(app);

        assertThat(JdbcClient.create(database)
                        .sql("SELECT table_schema FROM information_schema.tables WHERE table_name = 'purchase_order'")
                        .query(String.class)
                        .list())
                .containsExactly("ordering");
    }

    @Test
    void passesACleanApplication() {
        var app = ModularApplication.of(CleanApplication.class).withMigrations(Fixtures.path("src/test/sql/clean"));

        Violations.assertNone(
                DatabaseRules.noDatabaseObjectCrossesSchemas(migrated(app), DataOwnershipRules.schemas(app)),
                app.classes());
    }

    @Test
    void whereModulesShareASchemaRecordsWhoseTableIsWhoseAndReportsAForeignKeyIntoAnotherModulesTable() {
        var app = ModularApplication.of(SharedApplication.class).withMigrations(Fixtures.path("src/test/sql/shared"));
        var migrated = MigratedDatabase.migrate(FitnessDatabase.fresh(new FitnessSettings(Map.of())), app);

        assertThat(migrated.ownership().relations())
                .containsEntry("public.invoice", "billing")
                .containsEntry("public.invoice_id_seq", "billing")
                .containsEntry("public.purchase_order", "ordering")
                .containsEntry("public.unfinished_publication", "ordering")
                .doesNotContainKeys("public.event_publication", "public.flyway_schema_history_billing");
        assertThat(migrated.ownership().root()).containsExactly("public.event_publication");
        Violations.assertExactly(
                DatabaseRules.noDatabaseObjectCrossesModules(migrated, DataOwnershipRules.schemas(app)),
                app.classes(),
                "foreign key public.purchase_order.purchase_order_invoice_id_fkey: module ordering's table"
                        + " public.purchase_order references module billing's table public.invoice. Fix: keep the"
                        + " other module's id without a foreign key");
    }

    @Test
    void whereModulesShareASchemaReportsViewsAndTriggersTyingOneModulesTableToAnothers() {
        var app = ModularApplication.of(SharedApplication.class)
                .withMigrations(Fixtures.path("src/test/sql/shared-database"));
        var migrated = MigratedDatabase.migrate(FitnessDatabase.fresh(new FitnessSettings(Map.of())), app);

        assertThat(migrated.ownership().functions())
                .containsEntry("public.touch", "billing")
                .containsEntry("public.count_invoices", "ordering");
        Violations.assertExactly(
                DatabaseRules.noDatabaseObjectCrossesModules(migrated, DataOwnershipRules.schemas(app)),
                app.classes(),
                "foreign key public.purchase_order.purchase_order_invoice_id_fkey: module ordering's table"
                        + " public.purchase_order references module billing's table public.invoice",
                "view public.invoiced_orders: module ordering's view public.invoiced_orders reads module billing's"
                        + " table public.invoice",
                "trigger public.purchase_order.touch_invoice: module ordering's table public.purchase_order runs"
                        + " module billing's function public.touch",
                "trigger public.purchase_order.count_invoices: module ordering's table public.purchase_order runs"
                        + " public.count_invoices, which names module billing's table public.invoice");
    }

    @Test
    void passesModulesThatShareASchemaAndKeepToTheirOwnTables() {
        var app = ModularApplication.of(SharedCleanApplication.class)
                .withMigrations(Fixtures.path("src/test/sql/shared-clean"));
        var migrated = MigratedDatabase.migrate(FitnessDatabase.fresh(new FitnessSettings(Map.of())), app);

        assertThat(migrated.ownership().relations())
                .containsEntry("public.invoice", "billing")
                .containsEntry("public.open_invoice", "billing")
                .containsEntry("public.purchase_order", "ordering");
        Violations.assertNone(
                DatabaseRules.noDatabaseObjectCrossesModules(migrated, DataOwnershipRules.schemas(app)), app.classes());
    }

    @Test
    void withOwnershipASchemaPerModuleReportsExactlyWhatCrossesSchemas() {
        var app = ModularApplication.of(DataApplication.class).withMigrations(Fixtures.path("src/test/sql/database"));
        var migrated = MigratedDatabase.migrate(FitnessDatabase.fresh(new FitnessSettings(Map.of())), app);

        assertThat(migrated.ownership().relations())
                .containsEntry("billing.invoice", "billing")
                .containsEntry("ordering.purchase_order", "ordering")
                .containsEntry("ordering.invoiced_orders", "ordering");
        assertThat(migrated.ownership().functions()).containsEntry("billing.touch", "billing");
        Violations.assertExactly(
                DatabaseRules.noDatabaseObjectCrossesModules(migrated, DataOwnershipRules.schemas(app)),
                app.classes(),
                "foreign key ordering.purchase_order.purchase_order_invoice_id_fkey references billing.invoice",
                "view ordering.invoiced_orders reads billing.invoice",
                "trigger ordering.purchase_order.touch_invoice runs billing.touch");
    }

    @Test
    void reportsMigrationsThatDoNotRunAsAFindingNamingTheFolderAndTheFix() {
        var app = ModularApplication.of(DataApplication.class).withMigrations(Fixtures.path("src/test/sql/failing"));
        var rule = DatabaseRules.noDatabaseObjectCrossesModules(
                () -> MigratedDatabase.migrate(FitnessDatabase.fresh(new FitnessSettings(Map.of())), app),
                List.of("ordering"),
                DataOwnershipRules.schemas(app),
                false);

        assertThat(Violations.of(rule, app.classes()))
                .singleElement(as(InstanceOfAssertFactories.STRING))
                .startsWith("the migrations of 'ordering' do not run on an empty PostgreSQL")
                .contains("V1__purchase_order.sql")
                .contains("invoicing")
                .contains("Fix: let each module's migrations create and name only its own schema's objects");
    }

    private static DataSource migrated(ModularApplication app) {
        var dataSource = FitnessDatabase.fresh(new FitnessSettings(Map.of()));
        MigratedDatabase.migrateEachFolder(dataSource, app);
        return dataSource;
    }
}
