package io.seams.fitness;

import io.seams.fitness.fixtures.clean.CleanApplication;
import io.seams.fitness.fixtures.data.DataApplication;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

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
    void passesACleanApplication() {
        var app = ModularApplication.of(CleanApplication.class).withMigrations(Fixtures.path("src/test/sql/clean"));

        Violations.assertNone(
                DatabaseRules.noDatabaseObjectCrossesSchemas(migrated(app), DataOwnershipRules.schemas(app)),
                app.classes());
    }

    private static DataSource migrated(ModularApplication app) {
        var dataSource = FitnessDatabase.fresh(new FitnessSettings(Map.of()));
        MigratedDatabase.migrateEachFolder(dataSource, app);
        return dataSource;
    }
}
