package io.seams.fitness;

import io.seams.fitness.fixtures.clean.CleanApplication;
import io.seams.fitness.fixtures.topology.TopologyApplication;
import org.junit.jupiter.api.Test;

class TopologyRulesTests {

    static final ModularApplication violating = ModularApplication.of(TopologyApplication.class);
    static final ModularApplication clean = ModularApplication.of(CleanApplication.class);

    @Test
    void reportsABusinessModuleReadingTheEnvironmentOrTheTopology() {
        Violations.assertExactly(
                TopologyRules.businessModulesDoNotKnowTheTopology(violating, "..platform.topology.."),
                violating.classes(),
                "io.seams.fitness.fixtures.topology.ordering.Checkout (Checkout.java) depends on"
                        + " io.seams.fitness.fixtures.topology.platform.topology.Hosting",
                "io.seams.fitness.fixtures.topology.ordering.Checkout (Checkout.java) depends on"
                        + " org.springframework.core.env.Environment");
    }

    @Test
    void passesACleanApplication() {
        Violations.assertNone(
                TopologyRules.businessModulesDoNotKnowTheTopology(clean, "..platform.topology.."), clean.classes());
    }
}
