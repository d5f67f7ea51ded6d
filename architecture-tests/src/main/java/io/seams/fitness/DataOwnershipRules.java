package io.seams.fitness;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.all;

import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.modulith.core.ApplicationModule;

/**
 * Rule 3: data ownership, in the code. Module {@code x} owns schema {@code x}: the SQL written in
 * its code (JdbcClient strings, {@code @Query}, ...) and in its tests (the test sources in its
 * packages, mapped to modules like the main sources) names no other module's schema, and its migrations in {@code <migrations>/x/} create and
 * change objects only in schema {@code x}. Only strings that are SQL count ({@link SqlText}): a
 * routing key such as {@code "orders.new"} is not a query into schema {@code orders}. In tests,
 * SQL the test expects to fail ({@code assertThatThrownBy}, {@code assertThrows}, ...: proving that
 * the module cannot read another's tables) does not count, and neither do the tests of a shared
 * module ({@code @Modulithic(sharedModules = ...)}): they exercise the infrastructure every module
 * runs on with all the modules (backups, several instances), as end-to-end tests outside any
 * module's package do.
 *
 * <p>In Spring Modulith's layout ({@link MigratedDatabase}), the {@code __root} folder is no module
 * and no schema: its migrations may create shared objects (extensions, the schemas themselves, the
 * event publication table in a schema of no module), but no object in a module's schema, which
 * belongs in that module's folder.
 *
 * <p>Where modules share a schema (Spring Modulith's usual setup: every module's folder creates
 * unqualified tables in {@code public}), schemas tell nothing; ownership is then by table
 * ({@link TableOwnership}): a table is the module's whose migrations folder creates it, and a
 * module's SQL and migrations name, where SQL expects a table ({@code FROM}, {@code JOIN}, {@code
 * INTO}, {@code UPDATE}, {@code REFERENCES}, {@code ALTER TABLE}, {@code ON}, ...), no table
 * another module's folder creates. What only {@code __root} creates is shared. When modules share
 * a schema and no module's folder creates a table, both rules have nothing to check, and say so.
 *
 * <p>It reads source text first: a statement built with {@code .formatted(...)} or from several
 * literals is only whole there. Then it reads the class files' string constants ({@link
 * CompiledStrings}): SQL the compiler folded from constants declared in another file ({@code
 * "SELECT id FROM " + Schemas.BILLING + ".invoice"}) is whole only there. That finding names the
 * source file without a line, and only when the source showed nothing of that schema in that file.
 * A constant that names an {@code .sql} file on the class path ({@code "classpath:sql/report.sql"},
 * or a name beside the class) has that file's SQL read as the module's too.
 */
public final class DataOwnershipRules {

    private DataOwnershipRules() {}

    /**
     * Every schema the application knows: one per module, and one per migrations folder but
     * Spring Modulith's {@code __root}.
     */
    public static List<String> schemas(ModularApplication app) {
        var schemas = new TreeSet<>(app.moduleNames());
        schemas.addAll(MigratedDatabase.moduleFolders(app));
        return List.copyOf(schemas);
    }

    public static ArchRule moduleSqlNamesOnlyItsOwnSchema(ModularApplication app) {
        var tables = TableOwnership.of(app);
        return all(Items.of(
                        "application modules",
                        () -> TableOwnership.nothingAttributed(app, tables)
                                ? List.<ApplicationModule>of()
                                : app.modules().stream().toList()))
                .should(new ArchCondition<ApplicationModule>("name only their own schema in SQL") {
                    @Override
                    public void check(ApplicationModule module, ConditionEvents events) {
                        var own = ModularApplication.nameOf(module);
                        var packagePath = module.getBasePackage().getName().replace('.', '/');
                        var inSource = report(module, own, app.mainSources().resolve(packagePath), false, events);
                        reportCompiledConstants(module, own, inSource, events);
                        reportSqlResources(own, module, events);
                        if (!app.testSources()
                                        .normalize()
                                        .equals(app.mainSources().normalize())
                                && !app.isShared(module)) {
                            report(module, own, app.testSources().resolve(packagePath), true, events);
                        }
                    }

                    /**
                     * SQL the compiler put together from constants declared in other files: no source
                     * file holds its text, its class file does. What the sources showed is not
                     * reported twice.
                     */
                    private void reportCompiledConstants(
                            ApplicationModule module,
                            String own,
                            List<SqlText.Reference> inSource,
                            ConditionEvents events) {
                        var reported = new java.util.HashSet<String>();
                        inSource.forEach(reference -> reported.add(key(reference)));
                        moduleClasses(own)
                                .flatMap(
                                        type -> SqlText.inCompiledStrings(
                                                sourceFileOf(type), CompiledStrings.of(type), schemas(app))
                                                .stream())
                                .filter(reference -> !app.owns(own, reference.schema()))
                                .filter(reference -> reported.add(key(reference)))
                                .forEach(reference -> events.add(violated(
                                        module,
                                        ("%s: module '%s' names '%s' of schema '%s' in SQL the compiler put together"
                                                        + " from constants declared elsewhere. Fix: ask module '%s'"
                                                        + " through its API or react to its events")
                                                .formatted(
                                                        reference.file(),
                                                        own,
                                                        reference.text(),
                                                        reference.schema(),
                                                        TableOwnership.ownerOfSchema(app, reference.schema())))));
                    }

                    /** SQL files on the class path that the module's classes name, load and run. */
                    private void reportSqlResources(String own, ApplicationModule module, ConditionEvents events) {
                        moduleClasses(own)
                                .forEach(type -> CompiledStrings.sqlResourcesNamedBy(type)
                                        .forEach((name, sql) -> SqlText.inSql(Path.of(name), sql, schemas(app)).stream()
                                                .filter(reference -> !app.owns(own, reference.schema()))
                                                .forEach(reference -> events.add(violated(
                                                        module,
                                                        "%s:%d (read by %s): module '%s' names '%s' of schema '%s'. Fix: %s"
                                                                .formatted(
                                                                        name,
                                                                        reference.line(),
                                                                        sourceFileOf(type),
                                                                        own,
                                                                        reference.text(),
                                                                        reference.schema(),
                                                                        fix(
                                                                                false,
                                                                                TableOwnership.ownerOfSchema(
                                                                                        app, reference.schema()))))))));
                    }

                    private java.util.stream.Stream<com.tngtech.archunit.core.domain.JavaClass> moduleClasses(
                            String own) {
                        return app.classes().stream()
                                .filter(type -> app.moduleOf(type)
                                        .map(ModularApplication::nameOf)
                                        .filter(own::equals)
                                        .isPresent());
                    }

                    /** How a module, or a module's test, gets at what another module owns. */
                    private static String fix(boolean tests, String owner) {
                        return (tests
                                        ? "set up and check module '%s' through its API or events; a test of several"
                                                + " modules together belongs outside any module's package"
                                        : "ask module '%s' through its API or react to its events")
                                .formatted(owner);
                    }

                    private static String key(SqlText.Reference reference) {
                        return reference.file().normalize() + "|" + reference.schema();
                    }

                    private Path sourceFileOf(com.tngtech.archunit.core.domain.JavaClass type) {
                        var name = type.getSource()
                                .flatMap(source -> source.getFileName())
                                .orElse(type.getSimpleName() + ".java");
                        return app.mainSources()
                                .resolve(type.getPackageName().replace('.', '/'))
                                .resolve(name);
                    }

                    private List<SqlText.Reference> report(
                            ApplicationModule module, String own, Path folder, boolean tests, ConditionEvents events) {
                        var references = tests
                                ? SqlText.inJavaStringsExpectedToWork(folder, schemas(app))
                                : SqlText.inJavaStrings(folder, schemas(app));
                        references.stream()
                                .filter(reference -> !app.owns(own, reference.schema()))
                                .forEach(reference -> events.add(violated(
                                        module,
                                        "%s:%d: %s '%s' names '%s' of schema '%s'. Fix: %s"
                                                .formatted(
                                                        reference.file(),
                                                        reference.line(),
                                                        tests ? "a test of module" : "module",
                                                        own,
                                                        reference.text(),
                                                        reference.schema(),
                                                        fix(
                                                                tests,
                                                                TableOwnership.ownerOfSchema(
                                                                        app, reference.schema()))))));
                        (tests
                                        ? SqlText.tablesInJavaStringsExpectedToWork(folder)
                                        : SqlText.tablesInJavaStrings(folder))
                                .forEach(reference -> tables.otherOwners(reference, own, null)
                                        .forEach(other -> events.add(violated(
                                                module,
                                                "%s:%d: %s '%s' names '%s', a table of module '%s'. Fix: %s"
                                                        .formatted(
                                                                reference.file(),
                                                                reference.line(),
                                                                tests ? "a test of module" : "module",
                                                                own,
                                                                reference.text(),
                                                                other,
                                                                fix(tests, other))))));
                        return references;
                    }
                })
                .as("Module SQL names only its own schema")
                .because("a module reading another's tables breaks the day they live in different databases");
    }

    public static ArchRule migrationsChangeOnlyTheirOwnSchema(ModularApplication app) {
        var tables = TableOwnership.of(app);
        return all(Items.of(
                        "migration folders",
                        () -> TableOwnership.nothingAttributed(app, tables)
                                ? List.<String>of()
                                : migrationFolders(app)))
                .should(new ArchCondition<String>("change only their own schema") {
                    @Override
                    public void check(String folder, ConditionEvents events) {
                        var root = folder.equals(MigratedDatabase.ROOT);
                        var modules = app.moduleNames();
                        sqlFiles(app.migrations().resolve(folder))
                                .forEach(file -> SqlText.inSql(file, schemas(app)).stream()
                                        .filter(reference -> root
                                                ? modules.contains(reference.schema())
                                                        || app.schemaOwners().containsKey(reference.schema())
                                                : !app.owns(folder, reference.schema()))
                                        .forEach(reference -> events.add(violated(
                                                file,
                                                (root
                                                                ? ("%s:%d: root migration (%s, no module) names '%s'"
                                                                        + " in schema '%s' of a module. Fix: move it"
                                                                        + " to that module's migrations folder")
                                                                : ("%s:%d: migration of '%s' names '%s' in schema"
                                                                        + " '%s'. Fix: keep a module's objects and"
                                                                        + " references inside its schema; copy the"
                                                                        + " data through events instead of a foreign"
                                                                        + " key"))
                                                        .formatted(
                                                                file,
                                                                reference.line(),
                                                                folder,
                                                                reference.text(),
                                                                reference.schema())))));
                        sqlFiles(app.migrations().resolve(folder))
                                .forEach(file -> SqlText.grantsToPublic(file)
                                        .forEach(grant -> events.add(violated(
                                                file,
                                                ("%s:%d: migration of '%s' grants to PUBLIC, that is to every"
                                                                + " role, so to every other module's too. Fix: grant"
                                                                + " to the module's own role")
                                                        .formatted(file, grant, folder)))));
                        if (root) {
                            return;
                        }
                        var known = schemas(app);
                        sqlFiles(app.migrations().resolve(folder))
                                .forEach(file -> SqlText.createdSchemas(file).forEach((line, schema) -> {
                                    if (!app.owns(folder, schema) && !known.contains(schema)) {
                                        events.add(violated(
                                                file,
                                                ("%s:%d: migration of '%s' creates schema '%s', which no module"
                                                                + " owns: whatever goes there belongs to nobody."
                                                                + " Fix: keep the module's objects in its own"
                                                                + " schema, or give the schema to a module"
                                                                + " (ModularApplication.withSchemaOwnedBy)")
                                                        .formatted(file, line, folder, schema)));
                                    }
                                }));
                        if (ofABusinessModule(app, folder)) {
                            sqlFiles(app.migrations().resolve(folder))
                                    .forEach(file -> SqlText.createdExtensions(file)
                                            .forEach((line, extension) -> events.add(violated(
                                                    file,
                                                    ("%s:%d: migration of '%s' creates extension '%s', an object of"
                                                                    + " the whole database rather than of the module's"
                                                                    + " schema: a second module creating it fails, and"
                                                                    + " it leaves with whichever module is extracted"
                                                                    + " first. Fix: create it where every database's"
                                                                    + " shared objects are created (Spring Modulith's"
                                                                    + " __root folder, or a shared module's migrations)")
                                                            .formatted(file, line, folder, extension)))));
                        }
                        inPublicBesideItsOwnSchema(app, folder)
                                .forEach(reference -> events.add(violated(
                                        reference.file(),
                                        ("%s:%d: migration of '%s' names '%s' in schema 'public', which no"
                                                        + " module owns: every module can reach it, and it stays"
                                                        + " behind when '%s' is extracted. Fix: create it in the"
                                                        + " module's own schema")
                                                .formatted(
                                                        reference.file(),
                                                        reference.line(),
                                                        folder,
                                                        reference.text(),
                                                        folder))));
                        var owner = TableOwnership.ownerOfFolder(app, folder);
                        var defaultSchema = TableOwnership.defaultSchema(app, folder);
                        sqlFiles(app.migrations().resolve(folder))
                                .forEach(file -> SqlText.tablesInSql(file)
                                        .forEach(reference -> tables.otherOwners(reference, owner, defaultSchema)
                                                .forEach(other -> events.add(violated(
                                                        file,
                                                        ("%s:%d: migration of '%s' names '%s', a table of module"
                                                                        + " '%s'. Fix: keep the other module's id"
                                                                        + " without a foreign key, and copy the data"
                                                                        + " it needs through that module's events")
                                                                .formatted(
                                                                        file,
                                                                        reference.line(),
                                                                        folder,
                                                                        reference.text(),
                                                                        other))))));
                    }
                })
                .as("Migrations change only their own schema")
                .because("a migration reaching into another schema ties two modules' databases together");
    }

    /** Whether the migrations folder is a business module's: named after it, or after a schema it owns. */
    private static boolean ofABusinessModule(ModularApplication app, String folder) {
        var owner =
                app.moduleNames().contains(folder) ? folder : app.schemaOwners().get(folder);
        return owner != null
                && app.modules()
                        .getModuleByName(owner)
                        .filter(module -> !app.isShared(module))
                        .isPresent();
    }

    /**
     * The names in {@code public} that a module's migrations give, where the module keeps its
     * other objects in a schema of its own (where modules share {@code public}, it is theirs).
     */
    private static List<SqlText.Reference> inPublicBesideItsOwnSchema(ModularApplication app, String folder) {
        var references = sqlFiles(app.migrations().resolve(folder)).stream()
                .flatMap(file -> SqlText.inSql(file, List.of("public", folder)).stream())
                .toList();
        if (references.stream().noneMatch(reference -> app.owns(folder, reference.schema()))) {
            return List.of();
        }
        return references.stream()
                .filter(reference -> reference.schema().equals("public"))
                .toList();
    }

    static List<String> migrationFolders(ModularApplication app) {
        if (!Files.isDirectory(app.migrations())) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(app.migrations())) {
            return folders.filter(Files::isDirectory)
                    .map(folder -> folder.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> sqlFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.filter(file -> file.toString().endsWith(".sql"))
                    .sorted()
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
