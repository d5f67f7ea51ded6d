package io.seams.fitness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Which module owns which table, read from the migrations' text (no database). A table in a
 * module's schema ({@code billing.invoice}) is that module's, wherever it is created: ownership by
 * schema. Where modules share a schema (Spring Modulith's usual setup: every module's folder
 * creates unqualified tables in {@code public}), a table is the module's whose migrations folder
 * creates it ({@code CREATE TABLE}, {@code VIEW}, {@code MATERIALIZED VIEW}, {@code SEQUENCE}):
 * ownership by table. What only {@code __root} creates in a shared schema (the event publication
 * table) is shared and no module's.
 *
 * @param shared the tables in schemas no module owns, {@code schema.name}, with the modules whose
 *     folders create them
 * @param root the tables {@code __root} creates in schemas no module owns
 * @param attributed how many tables belong to a module, by schema or by table
 * @param inModuleSchemas the tables created in a module's own schema, by their name alone, with the
 *     modules owning them: what an unqualified name in Java SQL may be reaching for
 */
record TableOwnership(
        Map<String, Set<String>> shared, Set<String> root, int attributed, Map<String, Set<String>> inModuleSchemas) {

    /** The schema unqualified names resolve to where modules share one (PostgreSQL's default). */
    static final String DEFAULT_SCHEMA = "public";

    private static final String NAME = "\"?([a-z_][a-z0-9_$]*)\"?";
    private static final Pattern CREATE = Pattern.compile("\\bcreate\\s+(?:or\\s+replace\\s+)?"
            + "(?:(?:global|local)\\s+)?(?:(?:temp|temporary|unlogged)\\s+)?(?:recursive\\s+)?"
            + "(?:table|view|materialized\\s+view|sequence)\\s+(?:if\\s+not\\s+exists\\s+)?"
            + NAME + "(?:\\s*\\.\\s*" + NAME + ")?");

    /** The ownership the migrations of the application tell. */
    static TableOwnership of(ModularApplication app) {
        var shared = new TreeMap<String, Set<String>>();
        var root = new TreeSet<String>();
        var inModuleSchemas = new TreeMap<String, Set<String>>();
        var attributed = 0;
        for (var folder : DataOwnershipRules.migrationFolders(app)) {
            var isRoot = folder.equals(MigratedDatabase.ROOT);
            var defaultSchema = defaultSchema(app, folder);
            for (var file : sqlFiles(app.migrations().resolve(folder))) {
                var matcher = CREATE.matcher(withoutComments(read(file).toLowerCase(Locale.ROOT)));
                while (matcher.find()) {
                    var schema = matcher.group(2) == null ? defaultSchema : matcher.group(1);
                    var name = matcher.group(2) == null ? matcher.group(1) : matcher.group(2);
                    if (isModuleSchema(app, schema)) {
                        inModuleSchemas
                                .computeIfAbsent(name, table -> new TreeSet<>())
                                .add(app.schemaOwners().getOrDefault(schema, ownerOfSchema(app, schema)));
                        attributed++;
                    } else if (isRoot) {
                        root.add(schema + "." + name);
                    } else {
                        shared.computeIfAbsent(schema + "." + name, table -> new TreeSet<>())
                                .add(ownerOfFolder(app, folder));
                        attributed++;
                    }
                }
            }
        }
        shared.keySet().forEach(root::remove);
        var owners = new TreeMap<String, Set<String>>();
        shared.forEach((table, modules) -> owners.put(table, Set.copyOf(modules)));
        var byName = new TreeMap<String, Set<String>>();
        inModuleSchemas.forEach((table, modules) -> byName.put(table, Set.copyOf(modules)));
        return new TableOwnership(Map.copyOf(owners), Set.copyOf(root), attributed, Map.copyOf(byName));
    }

    /**
     * Whether modules share a schema and the migrations tell no table of any module: Spring
     * Modulith's layout with no table created by a module's folder or in a module's schema.
     */
    static boolean nothingAttributed(ModularApplication app, TableOwnership ownership) {
        return MigratedDatabase.isModulithLayout(app) && ownership.attributed() == 0;
    }

    /**
     * The modules other than {@code module} whose table a reference names, where modules share a
     * schema; empty when it names the module's own table, a shared one, or none the migrations
     * create. An unqualified name resolves to {@code defaultSchema}, or, when that is {@code
     * null} (SQL in Java, whose schema the connection decides), to a table of that name in any
     * schema: shared, or in another module's own schema.
     */
    Set<String> otherOwners(SqlText.TableReference reference, String module, @Nullable String defaultSchema) {
        var owners = new TreeSet<String>();
        if (reference.schema() != null || defaultSchema != null) {
            owners.addAll(shared.getOrDefault(
                    (reference.schema() != null ? reference.schema() : defaultSchema) + "." + reference.name(),
                    Set.of()));
        } else {
            shared.forEach((table, modules) -> {
                if (table.substring(table.indexOf('.') + 1).equals(reference.name())) {
                    owners.addAll(modules);
                }
            });
            // SQL in Java whose search path would have to find another module's schema.
            owners.addAll(inModuleSchemas.getOrDefault(reference.name(), Set.of()));
        }
        return owners.contains(module) ? Set.of() : owners;
    }

    /** The schema a folder's unqualified names resolve to when its migrations run ({@link MigratedDatabase}). */
    static String defaultSchema(ModularApplication app, String folder) {
        return MigratedDatabase.isModulithLayout(app)
                        || MigratedDatabase.createsItsOwnSchema(app.migrations().resolve(folder), folder)
                ? DEFAULT_SCHEMA
                : folder;
    }

    /** Whether a schema is a module's: named after a module or a migrations folder, or given to a module. */
    static boolean isModuleSchema(ModularApplication app, String schema) {
        return DataOwnershipRules.schemas(app).contains(schema)
                || app.schemaOwners().containsKey(schema);
    }

    /** The module a schema of a module belongs to. */
    static String ownerOfSchema(ModularApplication app, String schema) {
        return app.moduleNames().contains(schema) ? schema : app.schemaOwners().getOrDefault(schema, schema);
    }

    /** The module a migrations folder belongs to: the module named like it, or the one given its schema. */
    static String ownerOfFolder(ModularApplication app, String folder) {
        return ownerOfSchema(app, folder);
    }

    static List<Path> sqlFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".sql"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\n]*", " ");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
