package io.seams.fitness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.modulith.core.ApplicationModule;

/**
 * Migrates a database the way a modular application does, in one of two layouts, told apart by
 * the presence of a {@code __root} folder:
 *
 * <ul>
 *   <li><b>One schema per folder</b> (Seams' layout, {@code db/<module>/V1__x.sql}): each folder is
 *       migrated into the schema named like it, which Flyway creates, with its history in that
 *       schema, each folder after the folders of the modules its module depends on (then in
 *       alphabetical order). A folder whose scripts create that schema themselves ({@code CREATE SCHEMA x}) is
 *       not given a schema made in advance (it would fail with "schema already exists"): its
 *       history goes to {@code flyway_schema_history_<folder>} in the default schema, and, as
 *       anywhere such a script runs, its unqualified names resolve there too: it qualifies them.
 *   <li><b>Spring Modulith's module-aware Flyway</b> ({@code spring.modulith.runtime.flyway-enabled},
 *       {@code db/migration/__root/} and {@code db/migration/<module>/}): done as Spring Modulith
 *       2 does it. The {@code __root} folder runs first with the plain {@code flyway_schema_history};
 *       it is no module: it holds what belongs to none (extensions, shared schemas, the event
 *       publication table). Then each module's folder runs, after the modules it depends on, with
 *       its own history table {@code flyway_schema_history_<module>} and a baseline at version 0.
 *       No schema is created for a module: its scripts create what they use, as they must in
 *       production.
 * </ul>
 */
public final class MigratedDatabase {

    /** The folder of migrations that belong to no module, in Spring Modulith's layout. */
    public static final String ROOT = "__root";

    private MigratedDatabase() {}

    /** Whether the migrations are laid out as Spring Modulith's module-aware Flyway expects. */
    public static boolean isModulithLayout(ModularApplication app) {
        return Files.isDirectory(app.migrations().resolve(ROOT));
    }

    /**
     * Which module created which object while the migrations ran, as the catalog showed after each
     * folder: a relation (table, view, materialized view, sequence, foreign table) or function in
     * a module's schema is that module's; one a module's folder created in a schema no module owns
     * (modules sharing {@code public}) is the module's whose folder created it; what {@code __root}
     * created there is shared, no module's. Flyway's history tables are left out.
     *
     * @param relations owners by relation, {@code schema.name}
     * @param functions owners by function, {@code schema.name}
     * @param root the relations and functions {@code __root} created in schemas no module owns
     */
    public record Ownership(Map<String, String> relations, Map<String, String> functions, Set<String> root) {

        /** No ownership known: only schemas tell modules apart. */
        public static final Ownership NONE = new Ownership(Map.of(), Map.of(), Set.of());

        /** The module that owns a relation ({@code schema.name}), if any does. */
        public java.util.Optional<String> ownerOf(String relation) {
            return java.util.Optional.ofNullable(relations.get(relation));
        }

        /** The module that owns a function ({@code schema.name}), if any does. */
        public java.util.Optional<String> ownerOfFunction(String function) {
            return java.util.Optional.ofNullable(functions.get(function));
        }
    }

    /**
     * A migrated database and who owns what in it.
     *
     * @param database the database, every folder migrated
     * @param ownership which module created which object
     */
    public record Migrated(DataSource database, Ownership ownership) {}

    private static final String RELATIONS = """
            SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
              AND c.relname NOT LIKE 'flyway\\_schema\\_history%'""";

    private static final String FUNCTIONS = """
            SELECT DISTINCT n.nspname || '.' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'""";

    /** Runs the migrations of every folder under {@code migrations}, and tells who created what. */
    public static Migrated migrate(DataSource database, ModularApplication app) {
        return new Migrated(database, migrateEachFolder(database, app));
    }

    /**
     * Runs the migrations of every folder under {@code migrations}, in the layout they are in, and
     * tells which module created which object.
     */
    public static Ownership migrateEachFolder(DataSource database, ModularApplication app) {
        var recorder = new Recorder(database, app);
        if (isModulithLayout(app)) {
            run(ROOT, folder(database, app, ROOT));
            recorder.created(ROOT);
            for (var folder : inDependencyOrder(app, moduleFolders(app))) {
                run(
                        folder,
                        folder(database, app, folder)
                                .table(historyTable(folder))
                                .baselineOnMigrate(true)
                                .baselineVersion("0"));
                recorder.created(folder);
            }
            return recorder.ownership();
        }
        for (var folder : inDependencyOrder(app, moduleFolders(app))) {
            if (createsItsOwnSchema(app.migrations().resolve(folder), folder)) {
                run(folder, folder(database, app, folder).table(historyTable(folder)));
            } else {
                run(folder, folder(database, app, folder).schemas(folder).createSchemas(true));
            }
            recorder.created(folder);
        }
        return recorder.ownership();
    }

    /** Flyway on the database, with the folder's migrations. */
    private static org.flywaydb.core.api.configuration.FluentConfiguration folder(
            DataSource database, ModularApplication app, String folder) {
        return Flyway.configure().dataSource(database).locations(location(app, folder));
    }

    /** Thrown when a folder's migrations do not run: the rule reports it as a finding. */
    public static final class MigrationFailed extends RuntimeException {

        private static final long serialVersionUID = 1L;

        MigrationFailed(String folder, RuntimeException cause) {
            super(
                    "the migrations of '%s' do not run on an empty PostgreSQL, folder by folder in the modules'"
                                    .formatted(folder)
                            + " dependency order: "
                            + String.join(
                                    " ",
                                    String.valueOf(cause.getMessage()).strip().split("\\s*\\R\\s*")),
                    cause);
        }
    }

    private static void run(String folder, org.flywaydb.core.api.configuration.FluentConfiguration flyway) {
        try {
            flyway.load().migrate();
        } catch (org.flywaydb.core.api.FlywayException failed) {
            throw new MigrationFailed(folder, failed);
        }
    }

    /** Snapshots the catalog after each folder and gives what is new to the folder's module. */
    private static final class Recorder {

        private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
        private final ModularApplication app;
        private final Set<String> seenRelations = new HashSet<>();
        private final Set<String> seenFunctions = new HashSet<>();
        private final Map<String, String> relations = new java.util.TreeMap<>();
        private final Map<String, String> functions = new java.util.TreeMap<>();
        private final Set<String> root = new java.util.TreeSet<>();

        Recorder(DataSource database, ModularApplication app) {
            this.jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(database);
            this.app = app;
            seenRelations.addAll(jdbc.sql(RELATIONS).query(String.class).list());
            seenFunctions.addAll(jdbc.sql(FUNCTIONS).query(String.class).list());
        }

        void created(String folder) {
            record(folder, jdbc.sql(RELATIONS).query(String.class).list(), seenRelations, relations);
            record(folder, jdbc.sql(FUNCTIONS).query(String.class).list(), seenFunctions, functions);
        }

        private void record(String folder, List<String> now, Set<String> seen, Map<String, String> owners) {
            for (var object : now) {
                if (!seen.add(object)) {
                    continue;
                }
                var schema = object.substring(0, object.indexOf('.'));
                if (TableOwnership.isModuleSchema(app, schema)) {
                    owners.put(object, TableOwnership.ownerOfSchema(app, schema));
                } else if (folder.equals(ROOT)) {
                    root.add(object);
                } else {
                    owners.put(object, TableOwnership.ownerOfFolder(app, folder));
                }
            }
        }

        Ownership ownership() {
            return new Ownership(Map.copyOf(relations), Map.copyOf(functions), Set.copyOf(root));
        }
    }

    /** The migration folders that belong to a module (or a schema a module owns): all but {@code __root}. */
    static List<String> moduleFolders(ModularApplication app) {
        return DataOwnershipRules.migrationFolders(app).stream()
                .filter(folder -> !folder.equals(ROOT))
                .toList();
    }

    private static String location(ModularApplication app, String folder) {
        return "filesystem:" + app.migrations().resolve(folder).toAbsolutePath();
    }

    private static String historyTable(String folder) {
        return "flyway_schema_history_" + folder.replaceAll("[^A-Za-z0-9_]", "_");
    }

    static boolean createsItsOwnSchema(Path folder, String schema) {
        var creates = Pattern.compile(
                "\\bcreate\\s+schema\\s+(if\\s+not\\s+exists\\s+)?\"?" + Pattern.quote(schema) + "\"?(\\s|;|$)",
                Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".sql")).anyMatch(file -> {
                try {
                    return creates.matcher(Files.readString(file)).find();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The folders with each module's after the modules it depends on (as Spring Modulith runs
     * them); folders named after no module keep their alphabetical place, and a cycle keeps the
     * alphabetical order of its modules.
     */
    private static List<String> inDependencyOrder(ModularApplication app, List<String> folders) {
        Map<String, ApplicationModule> modules = app.modules().stream()
                .collect(Collectors.toMap(ModularApplication::nameOf, module -> module, (a, b) -> a));
        var ordered = new LinkedHashSet<String>();
        for (var folder : folders) {
            visit(folder, folders, modules, app, ordered, new HashSet<>());
        }
        return new ArrayList<>(ordered);
    }

    private static void visit(
            String folder,
            List<String> folders,
            Map<String, ApplicationModule> modules,
            ModularApplication app,
            Set<String> ordered,
            Set<String> visiting) {
        if (ordered.contains(folder) || !visiting.add(folder)) {
            return;
        }
        var module = modules.get(folder);
        if (module != null) {
            module.getDirectDependencies(app.modules())
                    .uniqueModules()
                    .map(ModularApplication::nameOf)
                    .filter(folders::contains)
                    .sorted()
                    .forEach(dependency -> visit(dependency, folders, modules, app, ordered, visiting));
        }
        ordered.add(folder);
    }
}
