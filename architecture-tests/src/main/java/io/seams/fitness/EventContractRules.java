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
 */
public final class EventContractRules {

    static final Pattern VERSIONED_NAME = Pattern.compile("[a-z][a-z0-9-]*\\.[A-Za-z][A-Za-z0-9]*\\.v[1-9][0-9]*");

    private static final JsonMapper JSON =
            JsonMapper.builder().findAndAddModules().build();

    private EventContractRules() {}

    /** The events of the application: jMolecules domain events (or {@code @Externalized}) that are top-level types. */
    public static DescribedPredicate<JavaClass> moduleEvents() {
        return DescribedPredicate.describe(
                "are module events", type -> type.isTopLevelClass() && ModuleEvents.isEvent(type));
    }

    public static ArchRule eventsAreSafeContracts(ModularApplication app) {
        return classes()
                .that(moduleEvents())
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

    /** The external name of an event, such as {@code orders.OrderPlaced.v1}, if it declares one. */
    public static Optional<String> externalNameOf(Class<?> event) {
        return Optional.ofNullable(event.getAnnotation(Externalized.class))
                .map(Externalized::value)
                .map(target -> target.split("::")[0])
                .filter(name -> !name.isBlank());
    }

    static JsonMapper json() {
        return JSON;
    }

    private static java.util.List<String> problemsOf(ModularApplication app, JavaClass event) {
        var problems = new java.util.ArrayList<String>();
        var module = app.moduleOf(event);
        if (module.isEmpty() || !module.get().getBasePackage().getName().equals(event.getPackageName())) {
            problems.add("is not in its module's API package. Fix: move it to the module's base package");
        }
        var type = event.reflect();
        if (!type.isRecord()) {
            problems.add("is not a record. Fix: make it an immutable record");
            return problems;
        }
        for (var component : type.getRecordComponents()) {
            var componentType = component.getType();
            if (refersToIdentifiable(componentType)) {
                problems.add(("carries '%s' of type %s, an aggregate, entity or repository. Fix: carry its id")
                        .formatted(component.getName(), componentType.getSimpleName()));
            } else if (!EventSamples.isJsonFriendly(component.getGenericType())) {
                problems.add(("carries '%s' of type %s, which is not JSON-friendly. Fix: use ids, strings,"
                                + " numbers, time, enums, records or lists of them")
                        .formatted(
                                component.getName(), component.getGenericType().getTypeName()));
            } else if (Collection.class.isAssignableFrom(componentType) || Map.class.isAssignableFrom(componentType)) {
                if (!copiesCollections(event)) {
                    problems.add(("keeps the collection '%s' it was given, which can change under it."
                                    + " Fix: copy it in the constructor (List.copyOf)")
                            .formatted(component.getName()));
                }
            }
        }
        var name = externalNameOf(type);
        if (name.isEmpty() || !VERSIONED_NAME.matcher(name.get()).matches()) {
            problems.add(("has no stable external name with a version. Fix: annotate it"
                            + " @Externalized(\"<module>.%s.v1::#{<aggregate id>}\")")
                    .formatted(type.getSimpleName()));
        }
        if (problems.isEmpty()) {
            roundTripProblem(type).ifPresent(problems::add);
        }
        return problems;
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
