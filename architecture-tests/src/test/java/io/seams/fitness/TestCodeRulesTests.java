package io.seams.fitness;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;

import io.seams.fitness.fixtures.clean.CleanApplication;
import io.seams.fitness.fixtures.tests.TestsApplication;
import org.junit.jupiter.api.Test;

class TestCodeRulesTests {

    static final ModularApplication violating = ModularApplication.of(TestsApplication.class);

    @Test
    void reportsATestUsingAnotherModulesInternals() {
        Violations.assertExactly(
                TestCodeRules.testsUseOnlyApisOfOtherModules(violating),
                violating.classes().that(simpleNameEndingWith("Test")),
                "Test io.seams.fitness.fixtures.tests.ordering.OrderingTest uses"
                        + " io.seams.fitness.fixtures.tests.billing.internal.Invoice, an internal type of module"
                        + " 'billing' (OrderingTest.java:13)");
    }

    @Test
    void passesTestsThatUseOnlyApis() {
        var clean = ModularApplication.of(CleanApplication.class);
        Violations.assertNone(TestCodeRules.testsUseOnlyApisOfOtherModules(clean), clean.classes());
    }
}
