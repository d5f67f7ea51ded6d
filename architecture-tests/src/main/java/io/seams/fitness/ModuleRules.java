package io.seams.fitness;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.all;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.Arrays;
import java.util.List;
import org.springframework.modulith.core.ApplicationModule;

/** Rule 1: module structure — API-only access, declared dependencies, no synchronous cycles. */
public final class ModuleRules {

    private ModuleRules() {}

    /**
     * Every class belongs to a module: the application's root package holds the application class
     * and nothing else. A class beside it belongs to no module, so every module may use it, no rule
     * sees the coupling, and no extracted service has it.
     */
    public static ArchRule everyClassBelongsToAModule(ModularApplication app) {
        var root = app.applicationClass().getPackageName();
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that(DescribedPredicate.describe(
                        "are in the application's root package",
                        (com.tngtech.archunit.core.domain.JavaClass type) ->
                                type.getPackageName().equals(root)
                                        && type.isTopLevelClass()
                                        && !type.getSimpleName().equals("package-info")))
                .should(new ArchCondition<com.tngtech.archunit.core.domain.JavaClass>("be the application class") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaClass type, ConditionEvents events) {
                        if (!type.isEquivalentTo(app.applicationClass())) {
                            events.add(violated(
                                    type,
                                    ("%s (%s) is in the application's root package and so in no module. Fix: move"
                                                    + " it into the module that owns it, or into a shared module")
                                            .formatted(type.getName(), HygieneRules.fileOf(type))));
                        }
                    }
                })
                .allowEmptyShould(true)
                .as("Every class belongs to a module")
                .because("a class in no module is shared by all of them without anyone declaring it");
    }

    /**
     * A module uses only the API of other modules (their base package or named interfaces), and
     * only of the modules it declares as allowed dependencies.
     */
    public static ArchRule modulesUseOnlyApisOfDeclaredDependencies(ModularApplication app) {
        return all(Items.of("application modules", () -> app.modules().stream().toList()))
                .should(new ArchCondition<ApplicationModule>("use only APIs of their declared dependencies") {
                    @Override
                    public void check(ApplicationModule module, ConditionEvents events) {
                        try {
                            module.detectDependencies(app.modules())
                                    .getMessages()
                                    .forEach(message ->
                                            events.add(violated(module, message + whereAndFix(app, module, message))));
                        } catch (IllegalArgumentException unknown) {
                            // Spring Modulith gives up on the module; the others are still checked.
                            events.add(violated(
                                    module,
                                    ("Module '%s' allows a dependency that does not exist (%s), so its use of other"
                                                    + " modules could not be checked. Fix: name an existing module or"
                                                    + " named interface in allowedDependencies of %s.package-info")
                                            .formatted(
                                                    ModularApplication.nameOf(module),
                                                    unknown.getMessage(),
                                                    module.getBasePackage().getName())));
                        }
                    }
                })
                .as("Modules use only the APIs of their declared dependencies")
                .because("a module that reaches into another's internals cannot be extracted without rewriting both");
    }

    /** A dependency as Spring Modulith names it: {@code via com.example.a.X -> com.example.b.Y}. */
    private static final java.util.regex.Pattern VIA =
            java.util.regex.Pattern.compile("via ([\\w.$]+) -> ([\\w$]+(?:\\.[\\w$]+)*)");

    /**
     * Where one of Spring Modulith's findings is in the source (the first line of the class that
     * uses the other type), and what to do about it: use the other module's API when the type is
     * internal to it, declare the dependency when the type is API.
     */
    private static String whereAndFix(ModularApplication app, ApplicationModule module, String message) {
        if (message.contains("field injection")) {
            return " Fix: take the dependency as a constructor parameter";
        }
        var packageInfo = module.getBasePackage().getName() + ".package-info";
        var via = VIA.matcher(message);
        if (app == null
                || !via.find()
                || !app.classes().contain(via.group(1))
                || !app.classes().contain(via.group(2))) {
            return " Fix: use the other module's API, or declare the dependency in " + packageInfo;
        }
        var source = app.classes().get(via.group(1));
        var target = app.classes().get(via.group(2));
        var line = source.getDirectDependenciesFromSelf().stream()
                .filter(dependency ->
                        dependency.getTargetClass().getBaseComponentType().equals(target))
                .mapToInt(dependency -> dependency.getSourceCodeLocation().getLineNumber())
                .filter(number -> number > 0)
                .min();
        var where = " (" + HygieneRules.fileOf(source) + (line.isPresent() ? ":" + line.getAsInt() : "") + ")";
        var owner = app.moduleOf(target).map(ModularApplication::nameOf).orElse("the other module");
        if (!app.isExposed(target)) {
            return where + ". Fix: use the other module's API (the base package or a named interface of '" + owner
                    + "') instead of " + target.getSimpleName() + ", which '" + owner
                    + "' keeps internal, or ask it to publish what you need there";
        }
        return where + ". Fix: declare the dependency on '" + owner + "' in allowedDependencies of " + packageInfo
                + ", or use another way to get what you need";
    }

    /**
     * Every module declares its allowed dependencies explicitly (deny by default), so a new
     * dependency is a visible, reviewed change of a {@code package-info.java}.
     */
    public static ArchRule modulesDeclareTheirDependencies(ModularApplication app) {
        return all(Items.of("application modules", () -> app.modules().stream().toList()))
                .should(new ArchCondition<ApplicationModule>("declare their allowed dependencies explicitly") {
                    @Override
                    public void check(ApplicationModule module, ConditionEvents events) {
                        var packageInfo = module.getBasePackage().getName() + ".package-info";
                        if (module.isOpen()) {
                            events.add(violated(
                                    module,
                                    "Module '%s' is open: all its types are API. Fix: remove type = OPEN in %s"
                                            .formatted(ModularApplication.nameOf(module), packageInfo)));
                        } else if (!declaresDependencies(module)) {
                            events.add(violated(
                                    module,
                                    ("Module '%s' does not declare its allowed dependencies. Fix: add"
                                                    + " @ApplicationModule(allowedDependencies = {...}) to %s")
                                            .formatted(ModularApplication.nameOf(module), packageInfo)));
                        }
                    }
                })
                .as("Modules declare their allowed dependencies")
                .because("a dependency nobody declared is a dependency nobody reviewed");
    }

    /**
     * No cycles among modules through synchronous dependencies: calls, injected components and
     * shared types. Events are left out on purpose: a module reacting to another's events while
     * that one reacts to its own is a conversation that survives extraction, not a cycle.
     */
    public static ArchRule modulesHaveNoSynchronousCycles(ModularApplication app) {
        return WithFix.of(
                SlicesRuleDefinition.slices()
                        .assignedFrom(Items.slices(
                                "application modules",
                                type -> app.moduleOf(type).map(ModularApplication::nameOf)))
                        .should()
                        .beFreeOfCycles()
                        .ignoreDependency(DescribedPredicate.alwaysTrue(), ModuleEvents.eventTypes(app))
                        .as("Modules have no synchronous cycles")
                        .because("modules in a synchronous cycle can only be deployed together (event round trips are"
                                + " fine)"),
                "break one direction of the cycle: let the module that is called publish an event the other"
                        + " listens to, or move what both need into the module that the other depends on");
    }

    /** Calls that load a class by its name, where no type dependency shows which one. */
    private static final List<String> LOADING_BY_NAME = List.of(
            "java.lang.Class.forName",
            "java.lang.ClassLoader.loadClass",
            "java.lang.invoke.MethodHandles$Lookup.findClass",
            // Spring's and Commons Lang's wrappers of the same.
            "org.springframework.util.ClassUtils.forName",
            "org.springframework.util.ClassUtils.resolveClassName",
            "org.apache.commons.lang3.ClassUtils.getClass");

    /**
     * Calls that look up a method, field or constructor by its name: on another module's bean
     * ({@code catalog.getClass().getDeclaredMethod("refreshPrices")}) they reach what its API does
     * not show, and no type dependency says so.
     */
    private static final List<String> LOOKING_UP_MEMBERS_BY_NAME = List.of(
            "java.lang.Class.getDeclaredMethod",
            "java.lang.Class.getMethod",
            "java.lang.Class.getDeclaredField",
            "java.lang.Class.getField",
            "java.lang.invoke.MethodHandles$Lookup.findVirtual",
            "java.lang.invoke.MethodHandles$Lookup.findStatic",
            "java.lang.invoke.MethodHandles$Lookup.findSpecial",
            "java.lang.invoke.MethodHandles$Lookup.findGetter",
            "java.lang.invoke.MethodHandles$Lookup.findSetter",
            "java.lang.invoke.MethodHandles$Lookup.findStaticGetter",
            "java.lang.invoke.MethodHandles$Lookup.findStaticSetter",
            "java.lang.invoke.MethodHandles$Lookup.findVarHandle",
            "java.lang.invoke.MethodHandles$Lookup.findStaticVarHandle",
            // Spring's and Commons Lang's wrappers of the same.
            "org.springframework.util.ReflectionUtils.findMethod",
            "org.springframework.util.ReflectionUtils.findField",
            "org.springframework.beans.BeanUtils.findMethod",
            "org.springframework.beans.BeanUtils.findDeclaredMethod",
            "org.apache.commons.lang3.reflect.MethodUtils.invokeMethod",
            "org.apache.commons.lang3.reflect.MethodUtils.getAccessibleMethod",
            "org.apache.commons.lang3.reflect.FieldUtils.getField",
            "org.apache.commons.lang3.reflect.FieldUtils.readField",
            "org.apache.commons.lang3.reflect.FieldUtils.writeField");

    private static final List<String> SCANNING = List.of(
            "org.springframework.context.annotation.ComponentScan",
            "org.springframework.context.annotation.ComponentScans");

    /** The attributes by which an annotation names the packages it scans. */
    private static final List<String> SCANNED_PACKAGES =
            List.of("basePackages", "basePackageClasses", "scanBasePackages", "scanBasePackageClasses");

    /**
     * The annotations by which a class scans packages: {@code @ComponentScan} and every other
     * {@code @...Scan} ({@code @ConfigurationPropertiesScan}, {@code @EntityScan}, {@code
     * @ServletComponentScan}), one meta-annotated with {@code @ComponentScan} ({@code
     * @SpringBootApplication}), and one that names packages outside the module to scan ({@code
     * @EnableJdbcRepositories(basePackages = ...)}; scoped to the module's own packages, it is fine).
     */
    private static List<String> scanningAnnotations(ModularApplication app, JavaClass type) {
        var base = app.moduleOf(type)
                .map(module -> module.getBasePackage().getName())
                .orElse("");
        return type.getAnnotations().stream()
                .filter(annotation -> {
                    var annotationType = annotation.getRawType();
                    var name = annotationType.getSimpleName();
                    return SCANNING.contains(annotationType.getName())
                            || name.endsWith("Scan")
                            || name.endsWith("Scans")
                            || SCANNING.stream().anyMatch(annotationType::isMetaAnnotatedWith)
                            || SCANNED_PACKAGES.stream()
                                    .map(annotation::get)
                                    .flatMap(java.util.Optional::stream)
                                    .filter(value -> value instanceof Object[])
                                    .flatMap(value -> java.util.Arrays.stream((Object[]) value))
                                    .map(named ->
                                            named instanceof JavaClass in ? in.getPackageName() : String.valueOf(named))
                                    .anyMatch(named -> !named.equals(base) && !named.startsWith(base + "."));
                })
                .map(annotation -> annotation.getRawType().getName())
                .toList();
    }

    /** A class's full name in Java source: {@code io.seams.shop.orders.domain.Order}. */
    private static final java.util.regex.Pattern QUALIFIED_CLASS =
            java.util.regex.Pattern.compile("\\b[a-z_][a-z0-9_]*(?:\\.[a-z_][a-z0-9_]*)+\\.[A-Z][A-Za-z0-9_]*");

    /** Comments, text blocks, strings and characters in Java source: no code. */
    private static final java.util.regex.Pattern NOT_CODE = java.util.regex.Pattern.compile(
            "//[^\\n]*|/\\*[\\s\\S]*?\\*/|\"\"\"[\\s\\S]*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'");

    /**
     * The internal types of other business modules that the class's source names (imported, or by
     * full name) but its class file does not depend on: the compiler copied a constant of theirs
     * ({@code Order.LONGEST_TRACKING_NUMBER}) into the class, so no rule on the class files sees the
     * dependency, and the copy does not change when the other module does.
     */
    private static List<String> copiedConstants(ModularApplication app, JavaClass type) {
        var module = app.moduleOf(type);
        var file = app.mainSources()
                .resolve(type.getPackageName().replace('.', '/'))
                .resolve(HygieneRules.fileOf(type));
        if (type.getEnclosingClass().isPresent() || module.isEmpty() || !java.nio.file.Files.isRegularFile(file)) {
            return List.of();
        }
        String source;
        try {
            source = java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        var code = NOT_CODE.matcher(source).replaceAll(found -> found.group().replaceAll("[^\\n]", " "));
        var dependedOn = app.classes().stream()
                .filter(nested ->
                        nested.equals(type) || ModuleCoupling.topLevel(nested).equals(type))
                .flatMap(nested -> nested.getDirectDependenciesFromSelf().stream())
                .map(dependency ->
                        ModuleCoupling.topLevel(dependency.getTargetClass().getBaseComponentType()))
                .collect(java.util.stream.Collectors.toSet());
        var found = new java.util.ArrayList<String>();
        var named = new java.util.HashSet<String>();
        var matcher = QUALIFIED_CLASS.matcher(code);
        while (matcher.find()) {
            var name = matcher.group();
            if (!app.classes().contain(name) || !named.add(name)) {
                continue;
            }
            var target = ModuleCoupling.topLevel(app.classes().get(name));
            var owner = app.moduleOf(target);
            if (owner.isEmpty()
                    || owner.get().equals(module.get())
                    || app.isShared(owner.get())
                    || app.isExposed(target)
                    || dependedOn.contains(target)) {
                continue;
            }
            var line = code.substring(0, matcher.start())
                            .chars()
                            .filter(c -> c == '\n')
                            .count()
                    + 1;
            found.add(("%s (%s:%d) names %s, internal to module '%s', but its class file holds no trace of it:"
                            + " the compiler copied one of its constants, a dependency no rule sees, which does not"
                            + " change when '%s' does. Fix: use a value from the module's API (move the constant"
                            + " there), or ask the module for it")
                    .formatted(
                            type.getName(),
                            HygieneRules.fileOf(type),
                            line,
                            target.getName(),
                            ModularApplication.nameOf(owner.get()),
                            ModularApplication.nameOf(owner.get())));
        }
        return found;
    }

    /**
     * A business module reaches other modules only through types: it loads no class by name and
     * scans no packages itself. Either is a dependency that neither Spring Modulith nor any other
     * rule sees, and that fails only at run time, once the other module is in another process.
     */
    public static ArchRule modulesReachOthersOnlyThroughTypes(ModularApplication app) {
        var internalBeans = internalBeanNames(app);
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that(app.inABusinessModule())
                .should(new ArchCondition<JavaClass>("reach other modules only through types") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        reportCalls(
                                type,
                                LOADING_BY_NAME,
                                "loads a class by its name (%s): a dependency no rule sees, which fails only at run"
                                        + " time once the class is in another process. Fix: depend on the other"
                                        + " module's API type, or listen to its events",
                                events);
                        reportCalls(
                                type,
                                LOOKING_UP_MEMBERS_BY_NAME,
                                "looks up a member by its name (%s): it reaches what no type shows, a method or"
                                        + " field another module's API does not offer, and fails only at run time"
                                        + " once that module is in another process. Fix: call the other module's"
                                        + " API, or ask its owner to add what you need to it",
                                events);
                        copiedConstants(app, type).forEach(found -> events.add(violated(type, found)));
                        beansNamed(app, internalBeans, type).forEach(found -> events.add(violated(type, found)));
                        scanningAnnotations(app, type)
                                .forEach(annotation -> events.add(violated(
                                        type,
                                        ("%s (%s) scans packages itself (@%s): it can pull another module's"
                                                        + " internal beans into its own, and decides what the process"
                                                        + " holds. Fix: leave scanning to the application class, and"
                                                        + " use the other module's API")
                                                .formatted(
                                                        type.getName(),
                                                        HygieneRules.fileOf(type),
                                                        annotation.substring(annotation.lastIndexOf('.') + 1)))));
                    }
                })
                .allowEmptyShould(true)
                .as("Modules reach others only through types")
                .because("a class loaded by name or a package scanned by hand is a dependency no rule sees");
    }

    /** Each call of the class to one of the methods named, reported as "Type (File.java:line) " + what. */
    private static void reportCalls(JavaClass type, List<String> methods, String what, ConditionEvents events) {
        type.getMethodCallsFromSelf().stream()
                .filter(call -> methods.contains(call.getTargetOwner().getName() + "." + call.getName()))
                .forEach(call -> events.add(violated(
                        type,
                        "%s (%s:%d) ".formatted(type.getName(), HygieneRules.fileOf(type), call.getLineNumber())
                                + what.formatted(call.getTargetOwner().getSimpleName() + "." + call.getName()))));
    }

    /** The annotations that name a bean, and the attribute that holds its name. */
    private static final java.util.Map<String, String> NAMING_A_BEAN = java.util.Map.of(
            "org.springframework.context.annotation.DependsOn", "value",
            "org.springframework.beans.factory.annotation.Qualifier", "value",
            "jakarta.annotation.Resource", "name",
            "javax.annotation.Resource", "name");

    /**
     * The internal classes of business modules by the name Spring gives their bean unless told
     * otherwise: the simple name decapitalised ({@code JdbcOrders} is {@code jdbcOrders}; {@code
     * URLSigner} stays as it is). Types outside the modules' APIs only: an API bean named is a
     * dependency on the API.
     */
    private static java.util.Map<String, List<JavaClass>> internalBeanNames(ModularApplication app) {
        return app.classes().stream()
                .filter(type -> type.isTopLevelClass()
                        && !type.getSimpleName().equals("package-info")
                        && app.inABusinessModule().test(type)
                        && !app.isExposed(type))
                .collect(java.util.stream.Collectors.groupingBy(type -> defaultBeanName(type.getSimpleName())));
    }

    /** Spring's default bean name of a class, as {@code java.beans.Introspector.decapitalize} makes it. */
    static String defaultBeanName(String simpleName) {
        if (simpleName.length() > 1
                && Character.isUpperCase(simpleName.charAt(0))
                && Character.isUpperCase(simpleName.charAt(1))) {
            return simpleName;
        }
        return Character.toLowerCase(simpleName.charAt(0)) + simpleName.substring(1);
    }

    /**
     * The beans internal to other modules that the class names: in {@code @DependsOn},
     * {@code @Qualifier} or {@code @Resource(name = ...)}, or as a string constant of a class that
     * looks beans up by name ({@code getBean("jdbcOrders")}). Its class file depends on no type of
     * theirs, so no rule on types sees it.
     */
    private static List<String> beansNamed(
            ModularApplication app, java.util.Map<String, List<JavaClass>> internalBeans, JavaClass type) {
        var module = app.moduleOf(type).orElseThrow();
        var found = new java.util.ArrayList<String>();
        java.util.function.BiConsumer<String, String> report = (name, where) -> {
            var targets = internalBeans.getOrDefault(name, List.of());
            if (targets.isEmpty()
                    || targets.stream()
                            .anyMatch(
                                    target -> app.moduleOf(target).orElseThrow().equals(module))) {
                return; // no such bean, or one of its own module's
            }
            var target = targets.get(0);
            var owner = ModularApplication.nameOf(app.moduleOf(target).orElseThrow());
            found.add(("%s (%s%s) names the bean \"%s\" of %s, internal to module '%s': a dependency no rule on"
                            + " types sees, which fails only at run time once '%s' is in another process. Fix:"
                            + " inject the module's API type instead")
                    .formatted(type.getName(), HygieneRules.fileOf(type), where, name, target.getName(), owner, owner));
        };
        CompiledStrings.annotationsOn(type).stream()
                .filter(annotation ->
                        NAMING_A_BEAN.containsKey(annotation.getRawType().getName()))
                .forEach(annotation -> annotation
                        .get(NAMING_A_BEAN.get(annotation.getRawType().getName()))
                        .map(CompiledStrings::strings)
                        .orElse(List.of())
                        .forEach(name -> report.accept(
                                name, ", @" + annotation.getRawType().getSimpleName())));
        type.getMethodCallsFromSelf().stream()
                .filter(call -> call.getName().equals("getBean")
                        && call.getTargetOwner().isAssignableTo("org.springframework.beans.factory.BeanFactory"))
                .mapToInt(call -> call.getLineNumber())
                .min()
                .ifPresent(line -> CompiledStrings.of(type).stream()
                        .distinct()
                        .forEach(name -> report.accept(name, ":" + line + ", getBean")));
        return found;
    }

    private static boolean declaresDependencies(ApplicationModule module) {
        try {
            var annotation = Class.forName(module.getBasePackage().getName() + ".package-info")
                    .getAnnotation(org.springframework.modulith.ApplicationModule.class);
            return annotation != null
                    && !Arrays.asList(annotation.allowedDependencies())
                            .contains(org.springframework.modulith.ApplicationModule.OPEN_TOKEN);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
