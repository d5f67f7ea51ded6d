package io.seams.fitness;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * A Spring Modulith application as the fitness rules see it: its modules, its classes (imported
 * once and shared by every rule), its test classes, its Java sources and its migrations. It knows
 * nothing about any particular application.
 *
 * <pre>{@code
 * var app = ModularApplication.of(MyApplication.class)
 *         .withSources(Path.of("src/main/java"), Path.of("src/test/java"))
 *         .withMigrations(Path.of("src/main/resources/db/migration"));
 * }</pre>
 *
 * @param applicationClass the application's main class; its package is the root of the modules
 * @param modules the modules, as Spring Modulith detects them
 * @param classes the production classes (from the same code location as the application class)
 * @param testClasses the test classes under the same root package
 * @param mainSources the root of the production Java sources, for rules that read source text
 * @param testSources the root of the test Java sources
 * @param migrations the folder holding one migrations folder per module ({@code <module>/V1__x.sql}),
 *     and, in Spring Modulith's module-aware Flyway layout, {@code __root/} ({@link MigratedDatabase})
 * @param schemaOwners schemas a module owns besides the one named after it, by schema
 */
public record ModularApplication(
        Class<?> applicationClass,
        ApplicationModules modules,
        JavaClasses classes,
        JavaClasses testClasses,
        Path mainSources,
        Path testSources,
        Path migrations,
        Map<String, String> schemaOwners) {

    private static final Map<Class<?>, ModularApplication> IMPORTED = new ConcurrentHashMap<>();

    /** The application whose main class is given; imported once per JVM, then shared. */
    public static ModularApplication of(Class<?> applicationClass) {
        return IMPORTED.computeIfAbsent(applicationClass, ModularApplication::importClasses);
    }

    private static ModularApplication importClasses(Class<?> applicationClass) {
        var home = codeLocationOf(applicationClass);
        ImportOption sameLocation = location -> location.contains(home);
        var packageName = applicationClass.getPackageName();
        // Three imports of the same class files, independent of each other: on two cores, reading
        // them side by side takes the time of the longest (Spring Modulith's) instead of the sum.
        var classes = CompletableFuture.supplyAsync(
                () -> new ClassFileImporter().withImportOption(sameLocation).importPackages(packageName));
        var tests = CompletableFuture.supplyAsync(() -> new ClassFileImporter()
                .withImportOption(location -> !location.contains(home) && isTestLocation(location))
                .importPackages(packageName));
        var modules = ApplicationModules.of(applicationClass, sameLocation);
        return new ModularApplication(
                applicationClass,
                modules,
                classes.join(),
                tests.join(),
                Path.of("src/main/java"),
                Path.of("src/test/java"),
                Path.of("db"),
                Map.of());
    }

    /** The same application with its Java sources in other folders. */
    public ModularApplication withSources(Path main, Path test) {
        return new ModularApplication(
                applicationClass, modules, classes, testClasses, main, test, migrations, schemaOwners);
    }

    /**
     * The same application with its per-module migration folders under another folder (Spring
     * Modulith's layout is recognised by its {@code __root} folder: {@code db/migration}).
     */
    public ModularApplication withMigrations(Path folder) {
        return new ModularApplication(
                applicationClass, modules, classes, testClasses, mainSources, testSources, folder, schemaOwners);
    }

    /**
     * The same application where {@code module} also owns {@code schema} (say, the platform owns
     * the event registry's schema).
     */
    public ModularApplication withSchemaOwnedBy(String schema, String module) {
        var owners = new java.util.HashMap<>(schemaOwners);
        owners.put(schema, module);
        return new ModularApplication(
                applicationClass,
                modules,
                classes,
                testClasses,
                mainSources,
                testSources,
                migrations,
                Map.copyOf(owners));
    }

    /** Whether the module owns the schema: the one named after it, or one given to it. */
    public boolean owns(String module, String schema) {
        return schema.equals(module) || module.equals(schemaOwners.get(schema));
    }

    /** The module a type belongs to, by its package. */
    public Optional<ApplicationModule> moduleOf(JavaClass type) {
        return moduleOf(type.getPackageName());
    }

    /** The module a package belongs to: the module whose base package contains it. */
    public Optional<ApplicationModule> moduleOf(String packageName) {
        return modules.stream()
                .filter(module -> {
                    var base = module.getBasePackage().getName();
                    return packageName.equals(base) || packageName.startsWith(base + ".");
                })
                .findFirst();
    }

    /**
     * Whether the type is in its module's API: in the module's base package, or in a package the
     * module exposes as a named interface ({@code @NamedInterface} on its {@code package-info}),
     * as Spring Modulith's {@link ApplicationModule#isExposed} says.
     */
    public boolean isExposed(JavaClass type) {
        return moduleOf(type)
                .map(module -> module.getBasePackage().getName().equals(type.getPackageName())
                        || module.getType(type.getName()).map(module::isExposed).orElse(false))
                .orElse(false);
    }

    /**
     * Whether the type is in a shared module ({@code @Modulithic(sharedModules = ...)}): a module
     * every deployable embeds, so its API is never called over the network.
     */
    public boolean isInSharedModule(JavaClass type) {
        return moduleOf(type).map(this::isShared).orElse(false);
    }

    /** Classes of a business module: in a module that is not shared. */
    public com.tngtech.archunit.base.DescribedPredicate<JavaClass> inABusinessModule() {
        return com.tngtech.archunit.base.DescribedPredicate.describe(
                "belong to a business module",
                type -> moduleOf(type).map(module -> !isShared(module)).orElse(false));
    }

    /** Whether the module is one of the shared modules ({@code @Modulithic(sharedModules = ...)}). */
    public boolean isShared(ApplicationModule module) {
        return modules.getSharedModules().stream()
                .anyMatch(shared -> nameOf(shared).equals(nameOf(module)));
    }

    private static final String COMPONENT = "org.springframework.stereotype.Component";
    private static final List<String> NOT_APIS = List.of(
            "org.springframework.context.annotation.Configuration",
            "org.springframework.stereotype.Controller",
            "org.springframework.web.bind.annotation.ControllerAdvice",
            "org.springframework.boot.context.properties.ConfigurationProperties");

    /**
     * Whether the type is a module API class: a public Spring bean ({@code @Service},
     * {@code @Component} and what is annotated with them) in its module's API (base package or
     * named interface) that other modules call like an API interface. Configuration classes and
     * web controllers (served over HTTP, not called by other modules), records, enums and
     * exceptions (values, not APIs) are not.
     */
    public boolean isApiClass(JavaClass type) {
        return !type.isInterface()
                && !type.isAnnotation()
                && !type.isEnum()
                && !type.isRecord()
                && type.isTopLevelClass()
                && type.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)
                && !type.isAssignableTo(Throwable.class)
                && (type.isAnnotatedWith(COMPONENT) || type.isMetaAnnotatedWith(COMPONENT))
                && NOT_APIS.stream()
                        .noneMatch(
                                annotation -> type.isAnnotatedWith(annotation) || type.isMetaAnnotatedWith(annotation))
                && isExposed(type);
    }

    /** Module names, which are also their schema names. */
    public List<String> moduleNames() {
        return modules.stream().map(ModularApplication::nameOf).toList();
    }

    static String nameOf(ApplicationModule module) {
        return module.getIdentifier().toString();
    }

    private static String codeLocationOf(Class<?> type) {
        try {
            // Location#contains matches the text of URIs written file:/path, so match on the path.
            var folder =
                    type.getProtectionDomain().getCodeSource().getLocation().toURI();
            return Path.of(folder).toAbsolutePath() + "/";
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the classes of " + type, e);
        }
    }

    private static boolean isTestLocation(Location location) {
        return !ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
                && ImportOption.Predefined.DO_NOT_INCLUDE_JARS.includes(location);
    }
}
