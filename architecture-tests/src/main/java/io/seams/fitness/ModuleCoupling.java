package io.seams.fitness;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.properties.HasSourceCodeLocation;
import io.seams.fitness.ReadinessScore.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.modulith.core.ApplicationModule;

/**
 * Who uses what of whom, between modules, from the classes already imported: calls into API
 * interfaces, calls into other classes, shared types, internal types and events. One pass over
 * the dependencies of every class; {@link Readiness} scores from it.
 */
final class ModuleCoupling {

    /** How a module uses another. */
    enum Kind {
        /** Calls a method of the other's API interface: a remote call once they are apart. */
        CALLS,
        /** Calls a method of one of the other's classes (not an interface): no client can stand in for it. */
        CLASS_CALLS,
        /** Uses the other's types (ids, records, enums) without calling into it. */
        TYPES,
        /** Uses a type the other does not expose. */
        INTERNALS,
        /** Uses the other's events: it listens to them. */
        EVENTS
    }

    /**
     * One use, at its first place.
     *
     * @param what the type or method used, such as {@code Catalog.pricesOf}
     * @param location where it is first used
     */
    record Use(String what, Location location) {}

    private final ModularApplication app;
    private final Map<String, Optional<ApplicationModule>> modulesByPackage = new HashMap<>();
    private final Map<String, Boolean> exposed = new HashMap<>();

    /** from → to → kind → what → first use. */
    private final Map<String, Map<String, Map<Kind, Map<String, Location>>>> uses = new TreeMap<>();

    /** Test code using internals: module whose test (or "" for tests outside every module) → owner → uses. */
    private final Map<String, Map<String, Map<String, Location>>> testInternals = new TreeMap<>();

    private ModuleCoupling(ModularApplication app) {
        this.app = app;
    }

    static ModuleCoupling of(ModularApplication app) {
        var coupling = new ModuleCoupling(app);
        coupling.scan(app.classes(), false);
        coupling.scan(app.testClasses(), true);
        return coupling;
    }

    private void scan(JavaClasses classes, boolean tests) {
        for (var type : classes) {
            var source = moduleName(type.getPackageName());
            if (tests) {
                scanTest(type, source.orElse(""));
                continue;
            }
            if (source.isEmpty()) {
                continue;
            }
            for (var call : type.getMethodCallsFromSelf()) {
                var owner = call.getTargetOwner();
                var target = moduleName(owner.getPackageName());
                if (target.isEmpty()
                        || target.equals(source)
                        || ModuleEvents.isEvent(owner)
                        || !isExposed(target.get(), owner)) {
                    continue;
                }
                Kind kind;
                if (owner.isInterface()) {
                    kind = Kind.CALLS;
                } else if (owner.isEnum()
                        || isRecord(owner)
                        || call.getTarget()
                                .resolveMember()
                                .map(method -> method.getModifiers().contains(JavaModifier.STATIC))
                                .orElse(false)
                        || isValueLike(owner)) {
                    continue;
                } else {
                    kind = Kind.CLASS_CALLS;
                }
                add(source.get(), target.get(), kind, owner.getSimpleName() + "." + call.getName(), call);
            }
            for (var dependency : type.getDirectDependenciesFromSelf()) {
                var targetType = dependency.getTargetClass().getBaseComponentType();
                var target = moduleName(targetType.getPackageName());
                if (target.isEmpty() || target.equals(source)) {
                    continue;
                }
                if (ModuleEvents.isEvent(targetType)) {
                    add(
                            source.get(),
                            target.get(),
                            Kind.EVENTS,
                            topLevel(targetType).getSimpleName(),
                            dependency);
                } else if (!isExposed(target.get(), targetType)) {
                    add(
                            source.get(),
                            target.get(),
                            Kind.INTERNALS,
                            topLevel(targetType).getName(),
                            dependency);
                } else {
                    add(
                            source.get(),
                            target.get(),
                            Kind.TYPES,
                            topLevel(targetType).getSimpleName(),
                            dependency);
                }
            }
        }
    }

    private void scanTest(JavaClass test, String source) {
        for (var dependency : test.getDirectDependenciesFromSelf()) {
            var targetType = dependency.getTargetClass().getBaseComponentType();
            var target = moduleName(targetType.getPackageName());
            if (target.isEmpty() || target.get().equals(source) || isExposed(target.get(), targetType)) {
                continue;
            }
            testInternals
                    .computeIfAbsent(source, key -> new TreeMap<>())
                    .computeIfAbsent(target.get(), key -> new TreeMap<>())
                    .putIfAbsent(
                            topLevel(targetType).getName(),
                            locationOf(dependency.getSourceCodeLocation().getSourceClass(), dependency, true));
        }
    }

    private void add(String from, String to, Kind kind, String what, HasSourceCodeLocation where) {
        uses.computeIfAbsent(from, key -> new TreeMap<>())
                .computeIfAbsent(to, key -> new TreeMap<>())
                .computeIfAbsent(kind, key -> new TreeMap<>())
                .computeIfAbsent(
                        what, key -> locationOf(where.getSourceCodeLocation().getSourceClass(), where, false));
    }

    /** The uses of {@code kind} from one module of another, by what is used, in name order. */
    List<Use> uses(String from, String to, Kind kind) {
        var found = uses.getOrDefault(from, Map.of()).getOrDefault(to, Map.of()).getOrDefault(kind, Map.of());
        var list = new ArrayList<Use>();
        found.forEach((what, location) -> list.add(new Use(what, location)));
        return list;
    }

    /** Whether {@code from} uses {@code to} in any of these ways. */
    boolean uses(String from, String to, Set<Kind> kinds) {
        var byKind = uses.getOrDefault(from, Map.of()).getOrDefault(to, Map.of());
        return kinds.stream().anyMatch(byKind::containsKey);
    }

    /** The modules {@code from} uses in any of these ways. */
    Set<String> targets(String from, Set<Kind> kinds) {
        var targets = new TreeSet<String>();
        uses.getOrDefault(from, Map.of()).forEach((to, byKind) -> {
            if (kinds.stream().anyMatch(byKind::containsKey)) {
                targets.add(to);
            }
        });
        return targets;
    }

    /** Internal types used by test code: tests' module ("" outside every module) → owner → type → where. */
    Map<String, Map<String, Map<String, Location>>> testInternals() {
        return testInternals;
    }

    /** The synchronous edges (anything but events), from → to. */
    Map<String, Set<String>> synchronousGraph() {
        var graph = new LinkedHashMap<String, Set<String>>();
        app.moduleNames().forEach(name -> graph.put(name, targets(name, SYNCHRONOUS)));
        return graph;
    }

    static final Set<Kind> SYNCHRONOUS = Set.of(Kind.CALLS, Kind.CLASS_CALLS, Kind.TYPES, Kind.INTERNALS);
    static final Set<Kind> CALLING = Set.of(Kind.CALLS, Kind.CLASS_CALLS);

    Optional<String> moduleName(String packageName) {
        return modulesByPackage.computeIfAbsent(packageName, app::moduleOf).map(ModularApplication::nameOf);
    }

    Optional<ApplicationModule> module(String name) {
        return app.modules().getModuleByName(name);
    }

    /** Whether the module exposes the type: it is in its API (base package or a named interface). */
    boolean isExposed(String module, JavaClass type) {
        var name = topLevel(type).getName();
        return exposed.computeIfAbsent(
                module + " " + name,
                key -> module(module)
                        .flatMap(owner -> owner.getType(name).map(owner::isExposed))
                        .orElse(true));
    }

    /** Where the access is: its source file below the sources folder, and line. */
    Location locationOf(JavaClass sourceClass, HasSourceCodeLocation where, boolean test) {
        var line = where.getSourceCodeLocation().getLineNumber();
        return new Location(fileOf(topLevel(sourceClass), test).toString(), line);
    }

    Path fileOf(JavaClass type, boolean test) {
        var root = test ? app.testSources() : app.mainSources();
        var file = type.getSource()
                .flatMap(source -> source.getFileName())
                .orElse(topLevel(type).getSimpleName() + ".java");
        return root.resolve(type.getPackageName().replace('.', '/')).resolve(file);
    }

    static JavaClass topLevel(JavaClass type) {
        var top = type;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    static boolean isRecord(JavaClass type) {
        return type.getRawSuperclass()
                .map(parent -> parent.getName().equals("java.lang.Record"))
                .orElse(false);
    }

    /** A value type: an exception, or a final class with no injected collaborators (its fields are all final values). */
    private static boolean isValueLike(JavaClass type) {
        return type.isAssignableTo(Throwable.class)
                || type.isAnnotatedWith("org.jmolecules.ddd.annotation.ValueObject")
                || type.isAssignableTo("org.jmolecules.ddd.types.ValueObject")
                || type.isAssignableTo("org.jmolecules.ddd.types.Identifier");
    }
}
