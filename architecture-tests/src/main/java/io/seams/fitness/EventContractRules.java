package io.seams.fitness;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.modulith.events.Externalized;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rule 5: events are safe contracts. Every event a module publishes lives in the module's API,
 * is an immutable record of JSON-friendly values that refers to aggregates by id only, has a
 * stable external name with a version ({@code @Externalized("<module>.<Event>.v<N>::...")}),
 * and reads back from its JSON unchanged.
 *
 * <p>{@code @Externalized("target::key")} names the broker target (the Kafka topic, the RabbitMQ
 * exchange) before {@code ::} and the routing key after it, which may be a SpEL expression
 * ({@code #{orderId()}}). The version is read from the target ({@code orders.OrderPlaced.v1},
 * {@code orders-v2}) or, when the target is shared by several events (an exchange), from a literal
 * routing key ({@code orders-exchange::orders.placed.v1}): a {@code v<N>} segment, separated by
 * {@code .}, {@code -}, {@code _} or {@code /}. A SpEL key carries no version.
 */
public final class EventContractRules {

    private static final Pattern VERSION_SEGMENT = Pattern.compile("(?:^|[._/-])v([1-9][0-9]*)(?=$|[._/-])");

    /**
     * An {@code @Externalized} value, parsed.
     *
     * @param target the broker target (topic, exchange): the part before {@code ::}, or all of it
     * @param key the routing key after {@code ::}, if any; may be a SpEL expression
     */
    public record ExternalTarget(String target, Optional<String> key) {

        /** The target and key of the event's {@code @Externalized}, if it has one with a target. */
        public static Optional<ExternalTarget> of(Class<?> event) {
            return Optional.ofNullable(event.getAnnotation(Externalized.class))
                    .map(Externalized::value)
                    .flatMap(ExternalTarget::parse);
        }

        static Optional<ExternalTarget> parse(String value) {
            var parts = value.split("::", 2);
            var target = parts[0].strip();
            if (target.isEmpty()) {
                return Optional.empty();
            }
            var key = parts.length < 2 || parts[1].isBlank() ? Optional.<String>empty() : Optional.of(parts[1].strip());
            return Optional.of(new ExternalTarget(target, key));
        }

        /** Whether the routing key is a SpEL expression rather than a literal. */
        public boolean keyIsExpression() {
            return key.map(text -> text.contains("#{")).orElse(false);
        }

        /** The contract's version: from the target, or else from a literal routing key. */
        public Optional<String> version() {
            return versionIn(target).or(() -> keyIsExpression() ? Optional.empty() : key.flatMap(k -> versionIn(k)));
        }

        private static Optional<String> versionIn(String text) {
            var matcher = VERSION_SEGMENT.matcher(text);
            String version = null;
            while (matcher.find()) {
                version = matcher.group(1);
            }
            return Optional.ofNullable(version);
        }
    }

    private static final JsonMapper JSON =
            JsonMapper.builder().findAndAddModules().build();

    private EventContractRules() {}

    /**
     * Only a module creates its events: no class of a business module constructs an event (or a
     * value nested in one) of another business module. An event says what happened in the module it
     * belongs to; one made elsewhere tells its listeners something that module never decided, and
     * goes out under its name once the modules run apart.
     */
    public static ArchRule eventsComeFromTheirModule(ModularApplication app) {
        var events = ModuleEvents.eventTypes(app);
        return classes()
                .that(app.inABusinessModule())
                .should(new ArchCondition<JavaClass>("create only their own module's events") {
                    @Override
                    public void check(JavaClass type, ConditionEvents conditionEvents) {
                        var own = app.moduleOf(type)
                                .map(ModularApplication::nameOf)
                                .orElseThrow();
                        type.getConstructorCallsFromSelf().stream()
                                .filter(call -> events.test(call.getTargetOwner()))
                                .forEach(call -> app.moduleOf(call.getTargetOwner())
                                        .filter(owner -> !app.isShared(owner))
                                        .map(ModularApplication::nameOf)
                                        .filter(owner -> !owner.equals(own))
                                        .ifPresent(owner -> conditionEvents.add(violated(
                                                type,
                                                ("%s (%s:%d) creates %s, an event of module '%s': only the module"
                                                                + " it describes may say that it happened. Fix: publish"
                                                                + " an event of module '%s', or ask '%s' through its"
                                                                + " API to act")
                                                        .formatted(
                                                                type.getName(),
                                                                HygieneRules.fileOf(type),
                                                                call.getLineNumber(),
                                                                call.getTargetOwner()
                                                                        .getSimpleName(),
                                                                owner,
                                                                own,
                                                                owner)))));
                    }
                })
                .allowEmptyShould(true)
                .as("Events come from their own module")
                .because("an event is a module's statement of what happened in it");
    }

    /** The events of the application: jMolecules domain events (or {@code @Externalized}) that are top-level types. */
    public static DescribedPredicate<JavaClass> moduleEvents() {
        return DescribedPredicate.describe(
                "are module events", type -> type.isTopLevelClass() && ModuleEvents.isEvent(type));
    }

    /**
     * The events of the application: the marked ones ({@link #moduleEvents()}), and the top-level
     * types a listener of another module takes, marked or not ({@link ModuleEvents#eventTypes(
     * ModularApplication)}): an unmarked record one module publishes and another listens to is as
     * much a contract. Rule 5 asks them all for a versioned external name, which also puts them
     * in the lock (rule 6).
     */
    public static DescribedPredicate<JavaClass> moduleEvents(ModularApplication app) {
        var events = ModuleEvents.eventTypes(app);
        return DescribedPredicate.describe("are module events", type -> type.isTopLevelClass() && events.test(type));
    }

    public static ArchRule eventsAreSafeContracts(ModularApplication app) {
        return classes()
                .that(moduleEvents(app))
                .should(new ArchCondition<JavaClass>("be safe contracts") {
                    @Override
                    public void check(JavaClass event, ConditionEvents events) {
                        problemsOf(app, event)
                                .forEach(problem -> events.add(violated(
                                        event,
                                        "Event %s (%s) %s".formatted(event.getName(), location(event), problem))));
                    }
                })
                .allowEmptyShould(true)
                .as("Events are safe contracts")
                .because("an event is the contract a module keeps with everyone listening, in this process or another");
    }

    /**
     * The external name of an event, such as {@code orders.OrderPlaced.v1}, if it declares one: the
     * broker target of its {@code @Externalized}, without the routing key.
     */
    public static Optional<String> externalNameOf(Class<?> event) {
        return ExternalTarget.of(event).map(ExternalTarget::target);
    }

    /** The version of the event's contract, read from its {@code @Externalized} target or literal key. */
    public static Optional<String> versionOf(Class<?> event) {
        return ExternalTarget.of(event).flatMap(ExternalTarget::version);
    }

    static JsonMapper json() {
        return JSON;
    }

    private static java.util.List<String> problemsOf(ModularApplication app, JavaClass event) {
        var problems = new java.util.ArrayList<String>();
        if (!app.isExposed(event)) {
            problems.add("is not in its module's API package. Fix: move it to the module's base package or a"
                    + " package the module exposes (@NamedInterface)");
        }
        var type = event.reflect();
        if (!type.isRecord()) {
            problems.add("is not a record. Fix: make it an immutable record");
            return problems;
        }
        // Which collections the event keeps as given: tried on a sample where one can be built,
        // otherwise judged by whether its constructor copies anything at all.
        var kept = EventSamples.keptCollections(type);
        for (var component : type.getRecordComponents()) {
            var componentType = component.getType();
            if (refersToIdentifiable(componentType)) {
                problems.add("carries '%s' of type %s, an aggregate, entity or repository. Fix: carry its id"
                        .formatted(component.getName(), componentType.getSimpleName()));
            } else if (!EventSamples.isJsonFriendly(component.getGenericType())) {
                problems.add(("carries '%s' of type %s, which is not JSON-friendly. Fix: use ids, strings,"
                                + " numbers, time, enums, records or lists of them")
                        .formatted(
                                component.getName(), component.getGenericType().getTypeName()));
            } else if (Collection.class.isAssignableFrom(componentType) || Map.class.isAssignableFrom(componentType)) {
                if (kept.map(names -> names.contains(component.getName())).orElseGet(() -> !copiesCollections(event))) {
                    problems.add(("keeps the collection '%s' it was given, which can change under it."
                                    + " Fix: copy it in the constructor (List.copyOf)")
                            .formatted(component.getName()));
                }
            }
        }
        internalTypesIn(app, event).forEach(problems::add);
        if (versionOf(type).isEmpty()) {
            problems.add(("has no stable external name with a version. Fix: annotate it"
                            + " @Externalized(\"<module>.%s.v1::#{<aggregate id>}\"), or, on a target several"
                            + " events share, give the target or a literal routing key a version"
                            + " (\"<exchange>::<module>.%s.v1\")")
                    .formatted(type.getSimpleName(), type.getSimpleName()));
        }
        if (problems.isEmpty()) {
            roundTripProblem(type).ifPresent(problems::add);
        }
        return problems;
    }

    /**
     * The problems of the types the event's records hold, however deep (a line item's product):
     * each must be a JDK type or a type of some module's API (base package, named interface) or
     * nested in one, such as another module's id; a type from a module's internals, an aggregate,
     * entity or repository, or a nested record keeping a collection it was given, is reported
     * with the path to it.
     */
    private static java.util.List<String> internalTypesIn(ModularApplication app, JavaClass event) {
        var problems = new java.util.ArrayList<String>();
        var seen = new java.util.HashSet<Class<?>>(java.util.List.of(event.reflect()));
        for (var component : event.reflect().getRecordComponents()) {
            walk(app, component.getName(), component.getGenericType(), true, seen, problems);
        }
        return problems;
    }

    private static void walk(
            ModularApplication app,
            String path,
            java.lang.reflect.Type type,
            boolean topLevel,
            java.util.Set<Class<?>> seen,
            java.util.List<String> problems) {
        if (type instanceof java.lang.reflect.ParameterizedType parameterized) {
            var multiple = Collection.class.isAssignableFrom((Class<?>) parameterized.getRawType());
            for (var argument : parameterized.getActualTypeArguments()) {
                walk(app, multiple ? path + "[]" : path, argument, topLevel, seen, problems);
            }
            return;
        }
        if (!(type instanceof Class<?> plain)) {
            return;
        }
        if (plain.isArray()) {
            walk(app, path + "[]", plain.getComponentType(), topLevel, seen, problems);
            return;
        }
        if (plain.isPrimitive() || plain.getName().startsWith("java.") || !seen.add(plain)) {
            return;
        }
        if (refersToIdentifiable(plain)) {
            if (!topLevel) { // a component's own type is reported above
                problems.add("carries '%s' of type %s, an aggregate, entity or repository. Fix: carry its id"
                        .formatted(path, plain.getSimpleName()));
            }
            return;
        }
        if (!app.classes().contain(plain.getName())) {
            return;
        }
        var javaClass = app.classes().get(plain.getName());
        var outermost = javaClass;
        while (outermost.getEnclosingClass().isPresent()) {
            outermost = outermost.getEnclosingClass().get();
        }
        var module = app.moduleOf(outermost);
        if (module.isPresent() && !app.isExposed(outermost)) {
            problems.add(("carries '%s' of type %s from the internals of module '%s' (%s). Fix: move it to"
                            + " the module's API package (base package or a @NamedInterface), or carry plain"
                            + " values instead")
                    .formatted(
                            path,
                            plain.getName(),
                            ModularApplication.nameOf(module.get()),
                            HygieneRules.fileOf(outermost)));
            return;
        }
        if (plain.isRecord()) {
            var kept = EventSamples.keptCollections(plain);
            for (var component : plain.getRecordComponents()) {
                var componentPath = path + "." + component.getName();
                if ((Collection.class.isAssignableFrom(component.getType())
                                || Map.class.isAssignableFrom(component.getType()))
                        && kept.map(names -> names.contains(component.getName()))
                                .orElseGet(() -> !copiesCollections(javaClass))) {
                    problems.add(("keeps the collection '%s' it was given, which can change under it. Fix: copy it"
                                    + " in %s's constructor (List.copyOf)")
                            .formatted(componentPath, plain.getSimpleName()));
                }
                walk(app, componentPath, component.getGenericType(), false, seen, problems);
            }
        }
    }

    private static Optional<String> roundTripProblem(Class<?> type) {
        try {
            var sample = EventSamples.sampleOf(type);
            var read = JSON.readValue(JSON.writeValueAsString(sample), type);
            return read.equals(sample)
                    ? Optional.empty()
                    : Optional.of("does not read back from its JSON unchanged. Fix: check its Jackson mapping");
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.of("cannot be written to JSON and read back (%s). Fix: check its components"
                    .formatted(e.getClass().getSimpleName()));
        }
    }

    private static boolean refersToIdentifiable(Class<?> type) {
        return org.jmolecules.ddd.types.AggregateRoot.class.isAssignableFrom(type)
                || org.jmolecules.ddd.types.Entity.class.isAssignableFrom(type)
                || org.jmolecules.ddd.types.Repository.class.isAssignableFrom(type)
                || type.isAnnotationPresent(org.jmolecules.ddd.annotation.AggregateRoot.class)
                || type.isAnnotationPresent(org.jmolecules.ddd.annotation.Entity.class)
                || type.isAnnotationPresent(org.jmolecules.ddd.annotation.Repository.class);
    }

    private static boolean copiesCollections(JavaClass event) {
        return event.getConstructors().stream()
                .flatMap(constructor -> constructor.getMethodCallsFromSelf().stream())
                .anyMatch(call ->
                        call.getName().equals("copyOf") || call.getName().startsWith("unmodifiable"));
    }

    private static String location(JavaClass type) {
        return HygieneRules.fileOf(type);
    }
}
