package io.seams.fitness;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.all;

import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rule 4: data ownership, in the database. After every migration has run on a real PostgreSQL,
 * the catalog shows no foreign key, view or trigger that crosses from one schema into another;
 * and, where modules share a schema, none that ties one module's table to another module's table
 * or function, by the ownership {@link MigratedDatabase} recorded while migrating (which folder's
 * migrations created what).
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

    /** Every foreign key: its name, its table, and the table it references. */
    private static final String FOREIGN_KEYS = """
            SELECT con.conname AS name, src.nspname AS source_schema, source.relname AS source,
                   dst.nspname AS target_schema, target.relname AS target
            FROM pg_constraint con
            JOIN pg_class source ON source.oid = con.conrelid
            JOIN pg_namespace src ON src.oid = source.relnamespace
            JOIN pg_class target ON target.oid = con.confrelid
            JOIN pg_namespace dst ON dst.oid = target.relnamespace
            WHERE con.contype = 'f'""";

    /** Every view and each relation it reads. */
    private static final String VIEWS = """
            SELECT DISTINCT view.relname AS name, vns.nspname AS source_schema, view.relname AS source,
                   tns.nspname AS target_schema, tbl.relname AS target
            FROM pg_rewrite rule
            JOIN pg_class view ON view.oid = rule.ev_class
            JOIN pg_namespace vns ON vns.oid = view.relnamespace
            JOIN pg_depend dep ON dep.objid = rule.oid AND dep.classid = 'pg_rewrite'::regclass
            JOIN pg_class tbl ON tbl.oid = dep.refobjid
            JOIN pg_namespace tns ON tns.oid = tbl.relnamespace
            WHERE view.relkind IN ('v', 'm') AND tbl.oid <> view.oid
              AND tns.nspname NOT IN ('pg_catalog', 'information_schema')""";

    /** Every trigger: its table, the function it runs, and that function's body. */
    private static final String TRIGGERS = """
            SELECT trg.tgname AS name, tns.nspname AS source_schema, tbl.relname AS source,
                   fns.nspname AS target_schema, fn.proname AS target, fn.prosrc AS body
            FROM pg_trigger trg
            JOIN pg_class tbl ON tbl.oid = trg.tgrelid
            JOIN pg_namespace tns ON tns.oid = tbl.relnamespace
            JOIN pg_proc fn ON fn.oid = trg.tgfoid
            JOIN pg_namespace fns ON fns.oid = fn.pronamespace
            WHERE NOT trg.tgisinternal""";

    /** An object tying {@code source} to {@code target}: a foreign key, a view, a trigger. */
    private record Link(
            String name,
            String sourceSchema,
            String source,
            String targetSchema,
            String target,
            @Nullable String body) {

        String from() {
            return sourceSchema + "." + source;
        }

        String to() {
            return targetSchema + "." + target;
        }

        /** Whether the schema rule reports it already: it crosses from a module's schema into another. */
        boolean crossesSchemas(List<String> schemas) {
            return !sourceSchema.equals(targetSchema) && schemas.contains(sourceSchema);
        }
    }

    private DatabaseRules() {}

    /**
     * The objects that tie one module's tables to another's where the schemas do not tell them
     * apart (modules sharing a schema): by the ownership the migration recorded.
     */
    public static List<String> crossingModules(
            DataSource database, MigratedDatabase.Ownership ownership, List<String> schemas) {
        var jdbc = JdbcClient.create(database);
        var crossing = new java.util.ArrayList<String>();
        for (var key : jdbc.sql(FOREIGN_KEYS).query(DatabaseRules::link).list()) {
            owners(ownership.ownerOf(key.from()), ownership.ownerOf(key.to()), key, schemas)
                    .ifPresent(modules ->
                            crossing.add("foreign key %s.%s: module %s's table %s references module %s's table %s"
                                    .formatted(key.from(), key.name(), modules[0], key.from(), modules[1], key.to())));
        }
        for (var view : jdbc.sql(VIEWS).query(DatabaseRules::link).list()) {
            owners(ownership.ownerOf(view.from()), ownership.ownerOf(view.to()), view, schemas)
                    .ifPresent(modules -> crossing.add("view %s: module %s's view %s reads module %s's table %s"
                            .formatted(view.from(), modules[0], view.from(), modules[1], view.to())));
        }
        var shared = ownership.relations().entrySet().stream()
                .filter(relation -> !schemas.contains(
                        relation.getKey().substring(0, relation.getKey().indexOf('.'))))
                .toList();
        for (var trigger : jdbc.sql(TRIGGERS).query(DatabaseRules::link).list()) {
            var table = ownership.ownerOf(trigger.from());
            owners(table, ownership.ownerOfFunction(trigger.to()), trigger, schemas)
                    .ifPresent(
                            modules -> crossing.add("trigger %s.%s: module %s's table %s runs module %s's function %s"
                                    .formatted(
                                            trigger.from(),
                                            trigger.name(),
                                            modules[0],
                                            trigger.from(),
                                            modules[1],
                                            trigger.to())));
            if (table.isEmpty() || trigger.body() == null) {
                continue;
            }
            var named = new java.util.TreeSet<String>();
            for (var reference : SqlText.tablesIn(java.nio.file.Path.of(trigger.to()), 1, trigger.body())) {
                shared.stream()
                        .filter(relation -> reference.schema() == null
                                ? relation.getKey().endsWith("." + reference.name())
                                : relation.getKey().equals(reference.schema() + "." + reference.name()))
                        .filter(relation -> !relation.getValue().equals(table.get()))
                        .forEach(relation -> named.add(relation.getValue() + "'s table " + relation.getKey()));
            }
            named.forEach(other -> crossing.add("trigger %s.%s: module %s's table %s runs %s, which names module %s"
                    .formatted(trigger.from(), trigger.name(), table.get(), trigger.from(), trigger.to(), other)));
        }
        return crossing.stream().sorted().toList();
    }

    /** The two different modules a link ties together, unless the schema rule reports it already. */
    private static java.util.Optional<String[]> owners(
            java.util.Optional<String> source, java.util.Optional<String> target, Link link, List<String> schemas) {
        if (source.isEmpty() || target.isEmpty() || source.get().equals(target.get()) || link.crossesSchemas(schemas)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new String[] {source.get(), target.get()});
    }

    private static Link link(java.sql.ResultSet row, int number) throws java.sql.SQLException {
        var columns = row.getMetaData().getColumnCount();
        return new Link(
                row.getString("name"),
                row.getString("source_schema"),
                row.getString("source"),
                row.getString("target_schema"),
                row.getString("target"),
                columns > 5 ? row.getString("body") : null);
    }

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
     * The rule on a migrated database, by schema and, where modules share a schema, by the
     * ownership the migration recorded ({@link MigratedDatabase#migrate}).
     */
    public static ArchRule noDatabaseObjectCrossesModules(MigratedDatabase.Migrated migrated, List<String> schemas) {
        return noDatabaseObjectCrossesModules(() -> migrated, List.of(String.join(", ", schemas)), schemas, false);
    }

    /**
     * The rule on a database the supplier migrates when the rule runs; when {@code migrated} (what
     * was migrated, for the report) is empty, it has nothing to check and no database is made. Only
     * schemas tell modules apart: the database's ownership is not known.
     */
    public static ArchRule noDatabaseObjectCrossesSchemas(
            java.util.function.Supplier<DataSource> database, List<String> migrated, List<String> schemas) {
        return noDatabaseObjectCrossesModules(
                () -> new MigratedDatabase.Migrated(database.get(), MigratedDatabase.Ownership.NONE),
                migrated,
                schemas,
                false);
    }

    /**
     * The rule on a database the supplier migrates (once) when the rule runs, by schema and by the
     * ownership the migration recorded. When {@code migrated} is empty, or when {@code sharedLayout}
     * (modules may share a schema: Spring Modulith's layout) and the migration gave no object to
     * any module, it has nothing to check: sharing a schema, the modules' objects cannot be told
     * apart.
     */
    public static ArchRule noDatabaseObjectCrossesModules(
            java.util.function.Supplier<MigratedDatabase.Migrated> database,
            List<String> migrated,
            List<String> schemas,
            boolean sharedLayout) {
        var once = new java.util.concurrent.atomic.AtomicReference<MigratedDatabase.Migrated>();
        java.util.function.Supplier<MigratedDatabase.Migrated> memoized = () -> {
            synchronized (once) {
                if (once.get() == null) {
                    once.set(database.get());
                }
                return once.get();
            }
        };
        return all(Items.of("migrated schemas", () -> {
                    if (migrated.isEmpty()) {
                        return List.<String>of();
                    }
                    try {
                        if (sharedLayout
                                && memoized.get().ownership().relations().isEmpty()) {
                            return List.<String>of();
                        }
                    } catch (MigratedDatabase.MigrationFailed failed) {
                        // The check reports it.
                    }
                    return List.of(String.join(", ", migrated));
                }))
                .should(
                        new ArchCondition<String>(
                                "hold no foreign key, view or trigger reaching another schema or another module's table") {
                            @Override
                            public void check(String checked, ConditionEvents events) {
                                MigratedDatabase.Migrated database;
                                try {
                                    database = memoized.get();
                                } catch (MigratedDatabase.MigrationFailed failed) {
                                    events.add(violated(
                                            checked,
                                            failed.getMessage()
                                                    + ". Fix: let each module's migrations create and name only its"
                                                    + " own schema's objects; what another module holds comes"
                                                    + " through its events"));
                                    return;
                                }
                                crossingObjects(database.database(), schemas)
                                        .forEach(
                                                object -> events.add(
                                                        violated(
                                                                checked,
                                                                object
                                                                        + ". Fix: keep a copy of the data the module needs, fed by events")));
                                crossingModules(database.database(), database.ownership(), schemas)
                                        .forEach(object -> events.add(violated(
                                                checked,
                                                object
                                                        + ". Fix: keep the other module's id without a foreign key, and a"
                                                        + " copy of the data the module needs, fed by events")));
                            }
                        })
                .as("No database object crosses schemas")
                .because("a foreign key, view or trigger across schemas ties two modules' databases together");
    }
}
