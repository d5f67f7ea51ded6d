package io.seams.shop.architecture;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Workshop exercise 02 (docs/workshop/exercises/02-cycles): no two modules depend on each other
 * synchronously, through calls or shared types; an event round trip is no cycle.
 */
@Tag("ex-02")
class ModuleCyclesTests {

    @Test
    void modulesHaveNoSynchronousCycles() {
        OneFitnessRule.check("no-module-cycles");
    }
}
