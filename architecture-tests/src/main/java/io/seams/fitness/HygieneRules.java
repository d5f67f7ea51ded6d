package io.seams.fitness;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/** Rule 9: hygiene that matters for extraction. */
public final class HygieneRules {

    private HygieneRules() {}

    /** Constructor injection only: dependencies visible in the signature, testable without Spring. */
    public static ArchRule noFieldInjection() {
        return GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION
                .as("No field injection")
                .because("a dependency hidden in a field is one nobody sees when the module is cut out");
    }

    /**
     * A type inside a module's internal packages is public only if a class of another package
     * uses it; otherwise package-private suffices.
     */
    public static ArchRule internalTypesArePublicOnlyWhenUsedElsewhere(ModularApplication app) {
        return classes()
                .that(new com.tngtech.archunit.base.DescribedPredicate<JavaClass>("are module internals") {
                    @Override
                    public boolean test(JavaClass type) {
                        return !type.getSimpleName().equals("package-info")
                                && type.isTopLevelClass()
                                && app.moduleOf(type)
                                        .map(module -> !module.getBasePackage()
                                                .getName()
                                                .equals(type.getPackageName()))
                                        .orElse(false);
                    }
                })
                .should(new ArchCondition<JavaClass>("be public only when used outside their package") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        if (!type.getModifiers().contains(JavaModifier.PUBLIC)) {
                            return;
                        }
                        // Uses of its nested types count: callers of Outcome.Applied use Outcome.
                        boolean usedElsewhere = app.classes().stream()
                                .filter(candidate -> candidate.equals(type)
                                        || candidate.getName().startsWith(type.getName() + "$"))
                                .flatMap(candidate -> candidate.getDirectDependenciesToSelf().stream())
                                .anyMatch(dependency -> !dependency
                                        .getOriginClass()
                                        .getPackageName()
                                        .equals(type.getPackageName()));
                        if (!usedElsewhere) {
                            events.add(violated(
                                    type,
                                    "%s (%s) is public but used only in its own package. Fix: make it package-private"
                                            .formatted(type.getName(), fileOf(type))));
                        }
                    }
                })
                .allowEmptyShould(true)
                .as("Module internals are package-private where they can be")
                .because("every public type is a door another package can walk through");
    }

    /**
     * Nothing writes to the standard streams ({@code System.out}, {@code System.err},
     * {@code printStackTrace()}): what a process says goes through its logger, where levels,
     * trace ids and the log shipper of whichever process the module ends up in see it.
     */
    public static ArchRule noStandardStreams() {
        return classes()
                .should(new ArchCondition<JavaClass>("not write to the standard streams") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        type.getFieldAccessesFromSelf().stream()
                                .filter(access -> access.getTargetOwner().isEquivalentTo(System.class)
                                        && STANDARD_STREAMS.contains(access.getName()))
                                .forEach(access -> events.add(violated(
                                        type,
                                        "%s (%s:%d) writes to System.%s. Fix: log it with the class's logger"
                                                .formatted(
                                                        type.getName(),
                                                        fileOf(type),
                                                        access.getLineNumber(),
                                                        access.getName()))));
                        type.getMethodCallsFromSelf().stream()
                                .filter(call -> call.getName().equals("printStackTrace")
                                        && call.getTarget().getParameterTypes().isEmpty()
                                        && call.getTargetOwner().isAssignableTo(Throwable.class))
                                .forEach(call -> events.add(violated(
                                        type,
                                        ("%s (%s:%d) calls printStackTrace(). Fix: log the exception with the"
                                                        + " class's logger, or rethrow it")
                                                .formatted(type.getName(), fileOf(type), call.getLineNumber()))));
                    }
                })
                .allowEmptyShould(true)
                .as("Nothing writes to the standard streams")
                .because("output that bypasses the logger is lost or unreadable once the module runs as a service");
    }

    private static final java.util.Set<String> STANDARD_STREAMS = java.util.Set.of("out", "err");

    /** No cycles between the packages inside one module. */
    public static ArchRule noPackageCyclesInsideModules(ModularApplication app) {
        return SlicesRuleDefinition.slices()
                .assignedFrom(Items.slices(
                        "packages inside modules",
                        type -> app.moduleOf(type)
                                .filter(module ->
                                        !module.getBasePackage().getName().equals(type.getPackageName()))
                                .map(module -> type.getPackageName())))
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true)
                .as("No package cycles inside modules")
                .because("packages in a cycle are one package in disguise");
    }

    static String fileOf(JavaClass type) {
        return type.getSource().flatMap(source -> source.getFileName()).orElse(type.getSimpleName());
    }
}
