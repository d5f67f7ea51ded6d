package io.seams.fitness;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * Module APIs can be served remotely: every method of an interface in a module's API, and every
 * public method of a module's API class, takes and returns plain values (ids, strings, numbers,
 * time, enums, records and collections of them), never entities, repositories, lazy proxies or
 * callbacks.
 *
 * <p>A module's API is its base package and the packages it exposes as named interfaces. An API
 * class is a public Spring bean there ({@link ModularApplication#isApiClass}: a {@code @Service}
 * called by other modules); records, enums and events in those packages are values, not APIs,
 * and their accessors are not checked. A shared module ({@code @Modulithic(sharedModules = ...)})
 * is embedded in every deployable, never served remotely: its API is not checked.
 */
public final class ApiRules {

    private ApiRules() {}

    public static ArchRule moduleApisAreRemoteSafe(ModularApplication app) {
        return classes()
                .that(DescribedPredicate.describe(
                        "are module API interfaces or classes",
                        (JavaClass type) -> ((type.isInterface()
                                                && !type.isAnnotation()
                                                && type.isTopLevelClass()
                                                && !type.getSimpleName().equals("package-info")
                                                && app.isExposed(type))
                                        || app.isApiClass(type))
                                && !app.isInSharedModule(type)))
                .should(new ArchCondition<JavaClass>("take and return only plain values") {
                    @Override
                    public void check(JavaClass api, ConditionEvents events) {
                        var type = api.reflect();
                        var methods = type.isInterface()
                                ? java.util.Arrays.stream(type.getMethods())
                                : java.util.Arrays.stream(type.getDeclaredMethods())
                                        .filter(method -> java.lang.reflect.Modifier.isPublic(method.getModifiers())
                                                && !java.lang.reflect.Modifier.isStatic(method.getModifiers())
                                                && !method.isSynthetic()
                                                && !method.isBridge());
                        for (var method : (Iterable<Method>)
                                methods.sorted(java.util.Comparator.comparing(Method::getName))::iterator) {
                            for (var parameter : method.getGenericParameterTypes()) {
                                if (!isRemoteSafe(parameter)) {
                                    events.add(unsafe(api, method, "takes", parameter));
                                }
                            }
                            var result = method.getGenericReturnType();
                            if (result != void.class && !isRemoteSafe(result)) {
                                events.add(unsafe(api, method, "returns", result));
                            }
                        }
                    }
                })
                .allowEmptyShould(true)
                .as("Module APIs are remote-safe")
                .because("an API that hands out entities or takes callbacks cannot be called over HTTP");
    }

    /**
     * What a module's API shows is API too: the public types in a business module's API packages
     * take, return, hold and extend no type that a module keeps internal. A record in the API with
     * a component of an internal enum hands that enum to every module that reads the record; they
     * then depend on the owner's internals, and the owner cannot change them without breaking them.
     * The readiness score counts such a type against extraction; this rule names where it is shown.
     */
    public static ArchRule apisShowOnlyApiTypes(ModularApplication app) {
        return classes()
                .that(DescribedPredicate.describe(
                        "are public types in a business module's API",
                        (JavaClass type) -> isPublicFromOutside(type)
                                && !type.getSimpleName().equals("package-info")
                                && app.isExposed(type)
                                && !app.isInSharedModule(type)))
                .should(new ArchCondition<JavaClass>("show only API types in their public signatures") {
                    @Override
                    public void check(JavaClass api, ConditionEvents events) {
                        var shown = new java.util.TreeMap<String, java.util.TreeSet<String>>();
                        java.util.function.BiConsumer<String, JavaType> show =
                                (where, type) -> type.getAllInvolvedRawTypes().stream()
                                        .map(JavaClass::getBaseComponentType)
                                        .filter(involved ->
                                                app.moduleOf(involved).isPresent() && !app.isExposed(involved))
                                        .forEach(internal -> shown.computeIfAbsent(
                                                        internal.getName(), name -> new java.util.TreeSet<>())
                                                .add(where));
                        api.getSuperclass().ifPresent(superclass -> show.accept("extends", superclass));
                        api.getInterfaces().forEach(type -> show.accept("implements", type));
                        api.getTypeParameters()
                                .forEach(parameter -> parameter
                                        .getBounds()
                                        .forEach(bound -> show.accept("type parameter " + parameter.getName(), bound)));
                        // Inherited members are shown as much as declared ones: a public method of a
                        // package-private base class is callable on the API type.
                        api.getAllMethods().stream()
                                .filter(ApiRules::isPublicApi)
                                .filter(method ->
                                        !method.getOwner().getPackageName().startsWith("java."))
                                .forEach(method -> {
                                    var where = method.getName() + "()";
                                    show.accept(where, method.getReturnType());
                                    method.getParameterTypes().forEach(type -> show.accept(where, type));
                                    method.getExceptionTypes().forEach(type -> show.accept(where, type));
                                    method.getTypeParameters()
                                            .forEach(parameter ->
                                                    parameter.getBounds().forEach(bound -> show.accept(where, bound)));
                                });
                        // A bean's constructor is the container's, not its callers': only values are built by others.
                        api.getConstructors().stream()
                                .filter(constructor -> !app.isApiClass(api))
                                .filter(ApiRules::isPublicApi)
                                .forEach(constructor -> constructor
                                        .getParameterTypes()
                                        .forEach(type -> show.accept("its constructor", type)));
                        api.getFields().stream()
                                .filter(ApiRules::isPublicApi)
                                .forEach(field -> show.accept(field.getName(), field.getType()));
                        shown.forEach((internal, where) -> events.add(violated(
                                api,
                                ("%s (%s) shows %s in %s, a type module '%s' keeps internal. Fix: move %s into"
                                                + " the module's API (its base package or a named interface), or"
                                                + " show an API type the module maps it to")
                                        .formatted(
                                                api.getName(),
                                                HygieneRules.fileOf(api),
                                                internal,
                                                String.join(" and ", where),
                                                app.moduleOf(internal.substring(0, internal.lastIndexOf('.')))
                                                        .map(ModularApplication::nameOf)
                                                        .orElse("?"),
                                                internal.substring(internal.lastIndexOf('.') + 1)))));
                    }
                })
                .allowEmptyShould(true)
                .as("Module APIs show only API types")
                .because("a module using an API type must be able to use all it shows without reaching into"
                        + " the owner's internals");
    }

    /** Public or protected: what code in another package can use (protected, in a subclass). */
    private static boolean isPublicApi(com.tngtech.archunit.core.domain.JavaMember member) {
        var modifiers = member.getModifiers();
        return (modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED))
                && !modifiers.contains(JavaModifier.SYNTHETIC)
                && !modifiers.contains(JavaModifier.BRIDGE);
    }

    /** Public, and so is every class it is nested in: a type code in another package can name. */
    private static boolean isPublicFromOutside(JavaClass type) {
        for (JavaClass current = type;
                current != null;
                current = current.getEnclosingClass().orElse(null)) {
            if (!current.getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A module's API interface is implemented by that module only: a class of another business
     * module that implements it (a {@code @Primary} cache of another module's answers, say) answers
     * in the owner's name, and leaves the owner's behaviour behind once the owner runs apart.
     */
    public static ArchRule apisAreImplementedByTheirModule(ModularApplication app) {
        return classes()
                .that(app.inABusinessModule())
                .and(DescribedPredicate.describe("are not interfaces", (JavaClass type) -> !type.isInterface()))
                .should(new ArchCondition<JavaClass>("implement only their own module's API interfaces") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        var own = app.moduleOf(type)
                                .map(ModularApplication::nameOf)
                                .orElseThrow();
                        type.getAllRawInterfaces().stream()
                                .filter(app::isExposed)
                                .filter(api -> !app.isInSharedModule(api))
                                .forEach(api -> app.moduleOf(api)
                                        .map(ModularApplication::nameOf)
                                        .filter(owner -> !owner.equals(own))
                                        .ifPresent(owner -> events.add(violated(
                                                type,
                                                ("%s (%s) implements %s, the API of module '%s'. Fix: call"
                                                                + " '%s' through that API, and let '%s' change what"
                                                                + " it answers")
                                                        .formatted(
                                                                type.getName(),
                                                                HygieneRules.fileOf(type),
                                                                api.getName(),
                                                                owner,
                                                                owner,
                                                                owner)))));
                    }
                })
                .allowEmptyShould(true)
                .as("Module APIs are implemented by their own module")
                .because("another module's implementation answers in its name and stays behind when it moves");
    }

    private static boolean isRemoteSafe(Type type) {
        if (carriesAnEntity(type, new java.util.HashSet<>())) {
            return false;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Optional.class) {
            return EventSamples.isJsonFriendly(parameterized.getActualTypeArguments()[0]);
        }
        return EventSamples.isJsonFriendly(type);
    }

    /** jMolecules' and JPA's marks of an entity or aggregate: identity and a life cycle, not a value. */
    private static final java.util.List<String> ENTITY_TYPES = java.util.List.of(
            "org.jmolecules.ddd.types.Entity",
            "org.jmolecules.ddd.types.AggregateRoot",
            "org.jmolecules.ddd.annotation.Entity",
            "org.jmolecules.ddd.annotation.AggregateRoot",
            "jakarta.persistence.Entity");

    /**
     * Whether the type is, or holds (as a type argument, an array's element or a record's component),
     * an entity or aggregate, even when it is a record of plain values.
     */
    private static boolean carriesAnEntity(Type type, java.util.Set<Type> seen) {
        if (!seen.add(type)) {
            return false;
        }
        if (type instanceof ParameterizedType parameterized) {
            return carriesAnEntity(parameterized.getRawType(), seen)
                    || java.util.Arrays.stream(parameterized.getActualTypeArguments())
                            .anyMatch(argument -> carriesAnEntity(argument, seen));
        }
        if (type instanceof java.lang.reflect.GenericArrayType array) {
            return carriesAnEntity(array.getGenericComponentType(), seen);
        }
        if (!(type instanceof Class<?> raw)) {
            return false;
        }
        if (raw.isArray()) {
            return carriesAnEntity(raw.getComponentType(), seen);
        }
        if (isEntity(raw)) {
            return true;
        }
        return raw.isRecord()
                && java.util.Arrays.stream(raw.getRecordComponents())
                        .anyMatch(component -> carriesAnEntity(component.getGenericType(), seen));
    }

    private static boolean isEntity(Class<?> type) {
        for (var mark : ENTITY_TYPES) {
            for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
                if (java.util.Arrays.stream(candidate.getAnnotations())
                        .anyMatch(annotation ->
                                annotation.annotationType().getName().equals(mark))) {
                    return true;
                }
            }
            if (implementsInterface(type, mark)) {
                return true;
            }
        }
        return false;
    }

    private static boolean implementsInterface(Class<?> type, String name) {
        if (type == null) {
            return false;
        }
        for (var implemented : type.getInterfaces()) {
            if (implemented.getName().equals(name) || implementsInterface(implemented, name)) {
                return true;
            }
        }
        return implementsInterface(type.getSuperclass(), name);
    }

    private static com.tngtech.archunit.lang.ConditionEvent unsafe(
            JavaClass api, Method method, String verb, Type type) {
        return violated(
                api,
                ("%s.%s (%s) %s %s, which cannot cross a process boundary. Fix: use ids and records of plain"
                                + " values")
                        .formatted(
                                api.getName(), method.getName(), HygieneRules.fileOf(api), verb, type.getTypeName()));
    }
}
