package io.seams.fitness;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.all;

import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rule 4: data ownership, in the database. After every migration has run on a real PostgreSQL,
 * the catalog shows no foreign key, view or trigger that crosses from one schema into another.
 */
public final class DatabaseRules {

    private static final String CROSSING_FOREIGN_KEYS = """
            SELECT 'foreign key ' || src.nspname || '.' || source.relname || '.' || con.conname
                   || ' references ' || dst.nspname || '.' || target.relname
            FROM pg_constraint con
            JOIN pg_class source ON source.oid = con.conrelid
            JOIN pg_namespace src ON src.oid = source.relnamespace
            JOIN pg_class target ON target.oid = con.confrelid
            JOIN pg_namespace dst ON dst.oid = target.relnamespace
            WHERE con.contype = 'f' AND src.nspname <> dst.nspname AND src.nspname = ANY (?)""";

    private static final String CROSSING_VIEWS = """
            SELECT DISTINCT 'view ' || vns.nspname || '.' || view.relname
                   || ' reads ' || tns.nspname || '.' || tbl.relname
            FROM pg_rewrite rule
            JOIN pg_class view ON view.oid = rule.ev_class
            JOIN pg_namespace vns ON vns.oid = view.relnamespace
            JOIN pg_depend dep ON dep.objid = rule.oid AND dep.classid = 'pg_rewrite'::regclass
            JOIN pg_class tbl ON tbl.oid = dep.refobjid
            JOIN pg_namespace tns ON tns.oid = tbl.relnamespace
            WHERE view.relkind IN ('v', 'm') AND vns.nspname <> tns.nspname AND vns.nspname = ANY (?)
              AND tns.nspname NOT IN ('pg_catalog', 'information_schema')""";

    private static final String CROSSING_TRIGGERS = """
            SELECT 'trigger ' || tns.nspname || '.' || tbl.relname || '.' || trg.tgname
                   || ' runs ' || fns.nspname || '.' || fn.proname
            FROM pg_trigger trg
            JOIN pg_class tbl ON tbl.oid = trg.tgrelid
            JOIN pg_namespace tns ON tns.oid = tbl.relnamespace
            JOIN pg_proc fn ON fn.oid = trg.tgfoid
            JOIN pg_namespace fns ON fns.oid = fn.pronamespace
            WHERE NOT trg.tgisinternal AND tns.nspname = ANY (?)
              AND (fns.nspname <> tns.nspname
                   OR EXISTS (SELECT 1 FROM unnest(?::text[]) other
                              WHERE other <> tns.nspname AND fn.prosrc ILIKE '%' || other || '.%'))""";

    private DatabaseRules() {}

    /** The objects in the given schemas that reach into another schema. */
    public static List<String> crossingObjects(DataSource database, List<String> schemas) {
        var jdbc = JdbcClient.create(database);
        var names = schemas.toArray(String[]::new);
        var crossing = new java.util.ArrayList<String>();
        crossing.addAll(
                jdbc.sql(CROSSING_FOREIGN_KEYS).param(names).query(String.class).list());
        crossing.addAll(
                jdbc.sql(CROSSING_VIEWS).param(names).query(String.class).list());
        crossing.addAll(jdbc.sql(CROSSING_TRIGGERS)
                .params(names, names)
                .query(String.class)
                .list());
        return crossing.stream().sorted().toList();
    }

    public static ArchRule noDatabaseObjectCrossesSchemas(DataSource database, List<String> schemas) {
        return noDatabaseObjectCrossesSchemas(() -> database, List.of(String.join(", ", schemas)), schemas);
    }

    /**
     * The rule on a database the supplier migrates when the rule runs; when {@code migrated} (what
     * was migrated, for the report) is empty, it has nothing to check and no database is made.
     */
    public static ArchRule noDatabaseObjectCrossesSchemas(
            java.util.function.Supplier<DataSource> database, List<String> migrated, List<String> schemas) {
        return all(Items.of(
                        "migrated schemas",
                        () -> migrated.isEmpty() ? List.<String>of() : List.of(String.join(", ", migrated))))
                .should(new ArchCondition<String>("hold no foreign key, view or trigger reaching another schema") {
                    @Override
                    public void check(String checked, ConditionEvents events) {
                        crossingObjects(database.get(), schemas)
                                .forEach(object -> events.add(violated(
                                        checked,
                                        object + ". Fix: keep a copy of the data the module needs, fed by events")));
                    }
                })
                .as("No database object crosses schemas")
                .because("a foreign key, view or trigger across schemas ties two modules' databases together");
    }
}
