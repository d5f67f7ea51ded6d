package io.seams.fitness;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.all;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.modulith.core.ApplicationModule;

/**
 * Rule 11: every module has the same anatomy, so knowing one means knowing all. Its API at its root
 * package, documented; the web layer reaches the domain only through the application layer; use
 * cases are classes named after what they do, apart from the listeners; repositories are named
 * after what they hold, in the plural. (That the domain knows no framework is
 * {@link DomainRules#domainKnowsNoFramework}.)
 */
public final class AnatomyRules {

    private AnatomyRules() {}

    static final List<String> GRAB_BAG_SUFFIXES = List.of("Service", "Manager", "Helper", "Util", "Utils", "Impl");
    static final List<String> REPOSITORY_SUFFIXES = List.of("Repository", "Repo", "Dao");
    static final Set<String> LISTENER_ANNOTATIONS = Set.of(
            "org.springframework.modulith.events.ApplicationModuleListener",
            "org.springframework.context.event.EventListener",
            "org.springframework.transaction.event.TransactionalEventListener");

    /** Packages of HTTP and servlet types: the web layer's, none of them in the application layer. */
    static final List<String> HTTP_PACKAGES =
            List.of("org.springframework.web.", "org.springframework.http.", "jakarta.servlet.", "javax.servlet.");

    /**
     * A module's application layer knows no HTTP: a use case returns an outcome (or throws its own
     * exception), and the web layer alone says which status that is. The same use case then serves
     * an event listener, a scheduled job or another process unchanged.
     */
    public static ArchRule applicationKnowsNoHttp(ModularApplication app) {
        return classes()
                .that(inLayer(app, "application"))
                .should(Items.useNoTypeOf(
                        HTTP_PACKAGES,
                        // An HTTP client is topology-unknown's: the module reaches across processes itself.
                        TopologyRules.TRANSPORTS,
                        "use no HTTP or servlet type",
                        "%s (%s) uses %s, an HTTP type, in the application layer. Fix: return an outcome and let"
                                + " the web layer map it to HTTP"))
                .allowEmptyShould(true)
                .as("The application layer knows no HTTP")
                .because("a use case that answers in status codes serves only one controller");
    }

    static final Set<String> TRANSACTIONAL =
            Set.of("org.springframework.transaction.annotation.Transactional", "jakarta.transaction.Transactional");

    /** What a class opens a transaction with, without an annotation. */
    static final Set<String> PROGRAMMATIC_TRANSACTIONS = Set.of(
            "org.springframework.transaction.support.TransactionTemplate",
            "org.springframework.transaction.support.TransactionOperations",
            "org.springframework.transaction.PlatformTransactionManager",
            "org.springframework.transaction.TransactionManager");

    /** What queries a database, below the repositories. */
    static final Set<String> DATABASE_ACCESS = Set.of(
            "org.springframework.jdbc.core.simple.JdbcClient",
            "org.springframework.jdbc.core.JdbcTemplate",
            "org.springframework.jdbc.core.JdbcOperations",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations",
            "javax.sql.DataSource",
            "java.sql.Connection",
            "jakarta.persistence.EntityManager");

    static final Set<String> CONTROLLERS = Set.of(
            "org.springframework.stereotype.Controller", "org.springframework.web.bind.annotation.RestController");

    /** Functional endpoints, servlet and reactive: a bean of these serves HTTP as a controller does. */
    static final List<String> ROUTER_FUNCTIONS = List.of(
            "org.springframework.web.servlet.function.RouterFunction",
            "org.springframework.web.reactive.function.server.RouterFunction");

    /**
     * A business module's controllers are in its web layer, where the anatomy rules for the web look
     * for them: a controller in {@code admin} or {@code api} would escape them all. So are its
     * functional endpoints: a {@code @Bean} {@code RouterFunction}, or routes built with
     * {@code RouterFunctions}, declared in a configuration class. (A shared module such as a platform
     * serves endpoints of its own where it likes.)
     */
    public static ArchRule controllersAreInTheWebLayer(ModularApplication app) {
        return classes()
                .that(moduleInternalsOrRoot(app))
                .should(new ArchCondition<JavaClass>("be in the web layer if they are controllers") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        if (app.isInSharedModule(type)
                                || layerOf(app, type).filter("web"::equals).isPresent()) {
                            return;
                        }
                        var web = app.moduleOf(type)
                                        .map(module -> module.getBasePackage().getName())
                                        .orElse("the module")
                                + ".web";
                        var controller = CONTROLLERS.stream()
                                .anyMatch(annotation ->
                                        type.isAnnotatedWith(annotation) || type.isMetaAnnotatedWith(annotation));
                        if (controller) {
                            events.add(violated(
                                    type,
                                    "%s (%s) is a controller outside the module's web package. Fix: move it to %s"
                                            .formatted(type.getName(), HygieneRules.fileOf(type), web)));
                        }
                        // A functional endpoint is a controller without the annotation: a @Bean
                        // RouterFunction, or routes built with RouterFunctions.
                        var routerBeans = type.getMethods().stream()
                                .filter(method -> method.isAnnotatedWith("org.springframework.context.annotation.Bean")
                                        && ROUTER_FUNCTIONS.stream()
                                                .anyMatch(method.getRawReturnType()::isAssignableTo))
                                .sorted(java.util.Comparator.comparing(JavaMethod::getName))
                                .toList();
                        routerBeans.forEach(method -> events.add(violated(
                                type,
                                ("%s (%s) declares the bean %s(), a RouterFunction: HTTP endpoints outside"
                                                + " the module's web package. Fix: move it to %s")
                                        .formatted(type.getName(), HygieneRules.fileOf(type), method.getName(), web))));
                        if (!routerBeans.isEmpty()) {
                            return; // the routes its beans build are those beans' findings
                        }
                        type.getMethodCallsFromSelf().stream()
                                .filter(call -> ROUTER_FUNCTIONS.stream()
                                        .anyMatch(router ->
                                                call.getTargetOwner().getName().equals(router + "s")))
                                .map(call -> call.getLineNumber())
                                .distinct()
                                .sorted()
                                .forEach(line -> events.add(violated(
                                        type,
                                        ("%s (%s:%d) builds routes with RouterFunctions: HTTP endpoints outside the"
                                                        + " module's web package. Fix: move them to %s")
                                                .formatted(type.getName(), HygieneRules.fileOf(type), line, web))));
                    }
                })
                .allowEmptyShould(true)
                .as("Controllers are in the web layer")
                .because("the web layer's rules find a module's controllers by their package");
    }

    static boolean isAggregateOrEntity(JavaClass type) {
        return type.isAssignableTo("org.jmolecules.ddd.types.AggregateRoot")
                || type.isAssignableTo("org.jmolecules.ddd.types.Entity")
                || type.isAnnotatedWith("org.jmolecules.ddd.annotation.AggregateRoot")
                || type.isAnnotatedWith("org.jmolecules.ddd.annotation.Entity");
    }

    /**
     * A module's web layer opens no transaction: the use case it calls does. A transaction opened by
     * a controller holds its connection while the request is read and the answer written, and spans
     * whatever else the controller calls.
     */
    public static ArchRule webOpensNoTransaction(ModularApplication app) {
        return classes()
                .that(inLayer(app, "web"))
                .should(new ArchCondition<JavaClass>("open no transaction") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        if (type.isAnnotation()) {
                            // Declaring an annotation meta-annotated @Transactional opens nothing.
                            return;
                        }
                        var annotated = new java.util.ArrayList<String>();
                        if (TRANSACTIONAL.stream().anyMatch(type::isMetaAnnotatedWith)) {
                            annotated.add("the class");
                        } else {
                            // Spring's @Transactional is @Inherited: a base class's applies here.
                            type.getAllRawSuperclasses().stream()
                                    .filter(superclass ->
                                            TRANSACTIONAL.stream().anyMatch(superclass::isMetaAnnotatedWith))
                                    .findFirst()
                                    .ifPresent(superclass ->
                                            annotated.add("the class, through " + superclass.getSimpleName()));
                        }
                        type.getMethods().stream()
                                .filter(method -> TRANSACTIONAL.stream().anyMatch(method::isMetaAnnotatedWith))
                                .map(method -> method.getName() + "()")
                                .sorted()
                                .forEach(annotated::add);
                        var where = new java.util.ArrayList<String>();
                        if (!annotated.isEmpty()) {
                            where.add("@Transactional on " + String.join(", ", annotated));
                        }
                        type.getDirectDependenciesFromSelf().stream()
                                .map(dependency -> dependency.getTargetClass().getName())
                                .filter(PROGRAMMATIC_TRANSACTIONS::contains)
                                .distinct()
                                .sorted()
                                .map(api -> "through a " + api.substring(api.lastIndexOf('.') + 1))
                                .forEach(where::add);
                        if (!where.isEmpty()) {
                            events.add(violated(
                                    type,
                                    ("%s (%s) opens a transaction in the web layer (%s). Fix: annotate the use case"
                                                    + " it calls instead")
                                            .formatted(
                                                    type.getName(),
                                                    HygieneRules.fileOf(type),
                                                    String.join("; ", where))));
                        }
                    }
                })
                .allowEmptyShould(true)
                .as("The web layer opens no transaction")
                .because("a transaction belongs to the use case, not to the request around it");
    }

    /**
     * A module calls another module's API from its application layer only: its web layer calls its
     * own use cases, its domain gets what it needs as values, and its persistence (or any other
     * package below its root) calls no other module either. Other modules' values (ids,
     * records, enums, events) may appear anywhere; their services, the calls that become remote
     * once a module is extracted, only where a use case can decide what to do when they fail.
     */
    public static ArchRule otherModulesAreCalledFromTheApplicationLayer(ModularApplication app) {
        return classes()
                .that(DescribedPredicate.describe(
                        "are in a layer of a module other than its application layer",
                        (JavaClass type) -> !app.isInSharedModule(type)
                                && layerOf(app, type)
                                        .filter(layer -> !layer.equals("application"))
                                        .isPresent()))
                .should(new ArchCondition<JavaClass>("call other modules' services only from the application layer") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        var own = app.moduleOf(type).orElseThrow();
                        var reported = new java.util.TreeSet<String>();
                        type.getDirectDependenciesFromSelf().stream()
                                .sorted(java.util.Comparator.comparingInt(dependency -> {
                                    // A dependency with a line (a call) before one without (a parameter type).
                                    var line =
                                            dependency.getSourceCodeLocation().getLineNumber();
                                    return line > 0 ? line : Integer.MAX_VALUE;
                                }))
                                .forEach(dependency -> {
                                    var target = dependency.getTargetClass().getBaseComponentType();
                                    var owner = app.moduleOf(target);
                                    if (owner.isEmpty()
                                            || app.isShared(owner.get())
                                            || ModularApplication.nameOf(owner.get())
                                                    .equals(ModularApplication.nameOf(own))
                                            || !app.isExposed(target)
                                            || !isService(app, target)
                                            || !reported.add(target.getName())) {
                                        return;
                                    }
                                    events.add(violated(
                                            type,
                                            ("%s (%s:%d) in the %s layer uses %s, a service of module '%s'. Fix: call it"
                                                            + " from a use case in the application layer, which decides"
                                                            + " what to do when the call fails once '%s' is remote;"
                                                            + " pass the domain what it needs as values")
                                                    .formatted(
                                                            type.getName(),
                                                            HygieneRules.fileOf(type),
                                                            dependency
                                                                    .getSourceCodeLocation()
                                                                    .getLineNumber(),
                                                            layerOf(app, type).orElseThrow(),
                                                            target.getName(),
                                                            ModularApplication.nameOf(owner.get()),
                                                            ModularApplication.nameOf(owner.get()))));
                                });
                    }
                })
                .allowEmptyShould(true)
                .as("Other modules are called from the application layer")
                .because("a call to another module becomes remote when it is extracted, and only a use case can"
                        + " decide what to do when it fails");
    }

    /** A type that does something rather than holds something: an interface (not an event) or a bean. */
    private static boolean isService(ModularApplication app, JavaClass type) {
        if (type.isAnnotation() || type.isEnum() || type.isRecord() || ModuleEvents.isEvent(type)) {
            return false;
        }
        // A sealed interface is a closed set of values (its records), not a service.
        return (type.isInterface() && !isSealed(type)) || app.isApiClass(type);
    }

    /** The packages where a module keeps its persistence adapters. */
    static final Set<String> PERSISTENCE_LAYERS = Set.of("persistence", "infrastructure", "jdbc", "jpa");

    /**
     * Nothing in a module depends on its web layer but the web layer itself: the web is the
     * outermost adapter, and a use case or a repository that answers in its types serves one
     * controller only and cannot be called by a listener or another process.
     */
    public static ArchRule nothingDependsOnTheWebLayer(ModularApplication app) {
        return classes()
                .that(DescribedPredicate.describe(
                        "are in a module, outside its web layer",
                        (JavaClass type) -> !app.isInSharedModule(type)
                                && app.moduleOf(type).isPresent()
                                && layerOf(app, type).filter("web"::equals).isEmpty()))
                .should(new ArchCondition<JavaClass>("not depend on the module's web layer") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        // Each web type once, at the first line that uses it (0 where the class file gives none).
                        var firstUse = new java.util.TreeMap<String, Integer>();
                        type.getDirectDependenciesFromSelf().stream()
                                .filter(dependency -> {
                                    var target = dependency.getTargetClass().getBaseComponentType();
                                    return app.moduleOf(target).equals(app.moduleOf(type))
                                            && layerOf(app, target)
                                                    .filter("web"::equals)
                                                    .isPresent();
                                })
                                .forEach(dependency -> firstUse.merge(
                                        dependency
                                                .getTargetClass()
                                                .getBaseComponentType()
                                                .getSimpleName(),
                                        dependency.getSourceCodeLocation().getLineNumber(),
                                        (a, b) -> a == 0 ? b : b == 0 ? a : Math.min(a, b)));
                        firstUse.forEach((web, line) -> events.add(violated(
                                type,
                                ("%s (%s) in the %s layer uses %s of the web layer. Fix: return a type of the"
                                                + " application layer or the domain, and let the web layer map it")
                                        .formatted(
                                                type.getName(),
                                                line > 0
                                                        ? HygieneRules.fileOf(type) + ":" + line
                                                        : HygieneRules.fileOf(type),
                                                layerOf(app, type).orElse("root"),
                                                web))));
                    }
                })
                .allowEmptyShould(true)
                .as("Nothing depends on the web layer")
                .because("a use case or repository that answers in the web's types serves one controller only");
    }

    private static boolean isSealed(JavaClass type) {
        try {
            return type.reflect().isSealed();
        } catch (RuntimeException | LinkageError notLoadable) {
            return false;
        }
    }

    /** A module's web layer reads no repository: it calls a use case, which reads the domain. */
    public static ArchRule webReachesTheDomainThroughTheApplication(ModularApplication app) {
        return classes()
                .that(inLayer(app, "web"))
                .should(new ArchCondition<JavaClass>("use no repository") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        type.getDirectDependenciesFromSelf().stream()
                                .map(dependency -> dependency.getTargetClass().getBaseComponentType())
                                .filter(AnatomyRules::isRepository)
                                .distinct()
                                .forEach(repository -> events.add(violated(
                                        type,
                                        ("%s (%s) reads the repository %s directly. Fix: call a use case of the"
                                                        + " application layer that returns what the web needs")
                                                .formatted(
                                                        type.getName(),
                                                        HygieneRules.fileOf(type),
                                                        repository.getSimpleName()))));
                        type.getDirectDependenciesFromSelf().stream()
                                .map(dependency -> dependency.getTargetClass().getBaseComponentType())
                                .filter(target -> !isRepository(target)
                                        && app.moduleOf(target).equals(app.moduleOf(type))
                                        && layerOf(app, target)
                                                .filter(PERSISTENCE_LAYERS::contains)
                                                .isPresent())
                                .distinct()
                                .forEach(persistence -> events.add(violated(
                                        type,
                                        ("%s (%s) uses %s of the persistence layer, past the application layer."
                                                        + " Fix: call a use case of the application layer, which"
                                                        + " reads through a repository of the domain")
                                                .formatted(
                                                        type.getName(),
                                                        HygieneRules.fileOf(type),
                                                        persistence.getSimpleName()))));
                        type.getDirectDependenciesFromSelf().stream()
                                .map(dependency -> dependency.getTargetClass().getBaseComponentType())
                                .map(JavaClass::getName)
                                .filter(DATABASE_ACCESS::contains)
                                .distinct()
                                .sorted()
                                .forEach(access -> events.add(violated(
                                        type,
                                        ("%s (%s) uses %s: it queries the database from the web layer. Fix: call"
                                                        + " a use case of the application layer, which reads through"
                                                        + " a repository")
                                                .formatted(type.getName(), HygieneRules.fileOf(type), access))));
                        type.getMethods().stream()
                                .filter(method -> method.getModifiers().contains(JavaModifier.PUBLIC)
                                        || !method.getModifiers().contains(JavaModifier.PRIVATE))
                                .filter(method -> !method.getModifiers().contains(JavaModifier.SYNTHETIC))
                                .forEach(method -> method.getReturnType().getAllInvolvedRawTypes().stream()
                                        .filter(AnatomyRules::isAggregateOrEntity)
                                        .findFirst()
                                        .ifPresent(aggregate -> events.add(violated(
                                                type,
                                                ("%s (%s) answers with %s, a domain aggregate or entity, from"
                                                                + " %s(). Fix: map it to a response record of the"
                                                                + " web layer")
                                                        .formatted(
                                                                type.getName(),
                                                                HygieneRules.fileOf(type),
                                                                aggregate.getSimpleName(),
                                                                method.getName())))));
                    }
                })
                .allowEmptyShould(true)
                .as("The web layer reaches the domain through the application layer")
                .because("a controller that reads repositories is a second application layer nobody tests as one");
    }

    /** No {@code *Service}, {@code *Manager}, {@code *Helper}, ... inside a module: a class is named after its job. */
    public static ArchRule useCasesAreNamedAfterWhatTheyDo(ModularApplication app) {
        return classes()
                .that(moduleInternals(app))
                .should(new ArchCondition<JavaClass>("be named after what they do") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        GRAB_BAG_SUFFIXES.stream()
                                .filter(suffix -> type.getSimpleName().endsWith(suffix))
                                .findFirst()
                                .ifPresent(suffix -> events.add(violated(
                                        type,
                                        ("%s (%s) is a *%s, a grab-bag of jobs. Fix: one use case per class, named"
                                                        + " after what it does (DispatchShipment, OrderCancellation)")
                                                .formatted(type.getName(), HygieneRules.fileOf(type), suffix))));
                    }
                })
                .allowEmptyShould(true)
                .as("Use cases are named after what they do")
                .because("a *Service grows every job nobody found a name for");
    }

    /** A class that listens to events offers no use case: its public methods would be a second entry point. */
    public static ArchRule listenersAreSeparateFromUseCases(ModularApplication app) {
        return classes()
                .that(moduleInternals(app))
                .should(new ArchCondition<JavaClass>("not both listen to events and offer use cases") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        if (type.getMethods().stream().noneMatch(AnatomyRules::isListener)) {
                            return;
                        }
                        type.getMethods().stream()
                                .filter(method -> method.getModifiers().contains(JavaModifier.PUBLIC))
                                .filter(method -> !isListener(method))
                                .filter(method -> !method.getModifiers().contains(JavaModifier.SYNTHETIC))
                                .filter(method -> !method.getModifiers().contains(JavaModifier.BRIDGE))
                                .map(JavaMethod::getName)
                                .sorted()
                                .distinct()
                                .reduce((a, b) -> a + ", " + b)
                                .ifPresent(methods -> events.add(violated(
                                        type,
                                        ("%s (%s) listens to events and offers use cases (%s). Fix: move the use"
                                                        + " cases into classes of their own; the listener calls them")
                                                .formatted(type.getName(), HygieneRules.fileOf(type), methods))));
                    }
                })
                .allowEmptyShould(true)
                .as("Listeners are separate from use cases")
                .because("a use case called both by a listener and by the web is two entry points in one class");
    }

    /** Repositories are named after what they hold, in the plural ({@code Orders}), never {@code *Repository}. */
    public static ArchRule repositoriesAreNamedAfterWhatTheyHold(ModularApplication app) {
        return classes()
                .that(moduleInternals(app))
                .and(DescribedPredicate.describe("are repositories", AnatomyRules::isRepository))
                .should(new ArchCondition<JavaClass>("be named after what they hold") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        REPOSITORY_SUFFIXES.stream()
                                .filter(suffix -> type.getSimpleName().endsWith(suffix))
                                .findFirst()
                                .ifPresent(suffix -> events.add(violated(
                                        type,
                                        ("%s (%s) is a repository named *%s. Fix: name it after what it holds, in the"
                                                        + " plural (Orders, StockReservations)")
                                                .formatted(type.getName(), HygieneRules.fileOf(type), suffix))));
                    }
                })
                .allowEmptyShould(true)
                .as("Repositories are named after what they hold")
                .because("one naming convention lets a newcomer find every module's repositories by the same habit");
    }

    /** Every module's root package, its API, has a {@code package-info.java} with Javadoc. */
    public static ArchRule moduleApisAreDocumentedAtTheirRoot(ModularApplication app) {
        return all(Items.of("application modules", () -> app.modules().stream().toList()))
                .should(new ArchCondition<ApplicationModule>("document their API at their root package") {
                    @Override
                    public void check(ApplicationModule module, ConditionEvents events) {
                        var file = app.mainSources()
                                .resolve(module.getBasePackage().getName().replace('.', '/'))
                                .resolve("package-info.java");
                        if (!hasJavadoc(file)) {
                            events.add(violated(
                                    module,
                                    ("module '%s' has no Javadoc on its root package (%s). Fix: write its"
                                                    + " package-info.java with a Javadoc saying what the module owns,"
                                                    + " publishes and offers; its API types sit beside it")
                                            .formatted(ModularApplication.nameOf(module), file)));
                        }
                    }
                })
                .allowEmptyShould(true)
                .as("Module APIs are documented at their root")
                .because("the root package is where a newcomer looks for what a module offers");
    }

    private static final Pattern JAVADOC_BEFORE_PACKAGE = Pattern.compile("(?s)^\\s*/\\*\\*.*?\\*/.*\\bpackage\\s");

    private static boolean hasJavadoc(java.nio.file.Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            return JAVADOC_BEFORE_PACKAGE.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A jMolecules repository (by type or annotation), or a Spring {@code @Repository}. */
    static boolean isRepository(JavaClass type) {
        return type.isAssignableTo("org.jmolecules.ddd.types.Repository")
                || type.isAnnotatedWith("org.jmolecules.ddd.annotation.Repository")
                || type.isMetaAnnotatedWith("org.springframework.stereotype.Repository");
    }

    private static boolean isListener(JavaMethod method) {
        return method.getAnnotations().stream()
                .anyMatch(annotation ->
                        LISTENER_ANNOTATIONS.contains(annotation.getRawType().getName()));
    }

    /** Top-level classes of a module, in its root package or below it. */
    private static DescribedPredicate<JavaClass> moduleInternalsOrRoot(ModularApplication app) {
        return DescribedPredicate.describe(
                "belong to a module",
                type -> type.isTopLevelClass()
                        && !type.getSimpleName().equals("package-info")
                        && app.moduleOf(type).isPresent());
    }

    /** Top-level classes in a module's packages other than its root. */
    private static DescribedPredicate<JavaClass> moduleInternals(ModularApplication app) {
        return DescribedPredicate.describe(
                "are module internals",
                type -> type.isTopLevelClass()
                        && !type.getSimpleName().equals("package-info")
                        && layerOf(app, type).isPresent());
    }

    /** Classes in a module's sub-package of the given name ({@code web}, {@code domain}), or below it. */
    private static DescribedPredicate<JavaClass> inLayer(ModularApplication app, String layer) {
        return DescribedPredicate.describe(
                "are in a module's " + layer + " layer",
                type -> layerOf(app, type).filter(layer::equals).isPresent());
    }

    /** The first package segment below the module's root, if the type is below it. */
    static Optional<String> layerOf(ModularApplication app, JavaClass type) {
        return app.moduleOf(type).flatMap(module -> {
            var base = module.getBasePackage().getName();
            var name = type.getPackageName();
            if (name.equals(base)) {
                return Optional.empty();
            }
            return Optional.of(name.substring(base.length() + 1).split("\\.")[0]);
        });
    }
}
