package io.seams.fitness;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;

/** Rule 8: test code respects the module boundaries too. */
public final class TestCodeRules {

    private TestCodeRules() {}

    /**
     * A test uses other modules only through their API. Tests of a module may use its own
     * internals; tests outside every module (whole-application tests) only APIs. Evaluate against
     * {@link ModularApplication#testClasses()}.
     */
    public static ArchRule testsUseOnlyApisOfOtherModules(ModularApplication app) {
        return classes()
                .should(new ArchCondition<JavaClass>("use other modules only through their API") {
                    @Override
                    public void check(JavaClass test, ConditionEvents events) {
                        var own = app.moduleOf(test)
                                .map(ModularApplication::nameOf)
                                .orElse(null);
                        // One report per type and line, however many accesses the line makes.
                        var reported = new java.util.TreeSet<String>();
                        test.getDirectDependenciesFromSelf().forEach(dependency -> {
                            var target = dependency.getTargetClass().getBaseComponentType();
                            app.moduleOf(target)
                                    .filter(module ->
                                            !ModularApplication.nameOf(module).equals(own))
                                    .filter(module -> module.getType(target.getName())
                                            .map(type -> !module.isExposed(type))
                                            .orElse(false))
                                    .ifPresent(module -> reported.add(("Test %s uses %s, an internal type of module"
                                                    + " '%s' %s. Fix: go through the module's API, or move the test"
                                                    + " into module '%s'")
                                            .formatted(
                                                    test.getName(),
                                                    target.getName(),
                                                    ModularApplication.nameOf(module),
                                                    dependency.getSourceCodeLocation(),
                                                    ModularApplication.nameOf(module))));
                        });
                        reported.forEach(message -> events.add(violated(test, message)));
                    }
                })
                .allowEmptyShould(true)
                .as("Tests use other modules only through their API")
                .because("a test that reaches into another module breaks the day that module moves out");
    }
}
