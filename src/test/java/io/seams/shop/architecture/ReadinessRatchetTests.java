package io.seams.shop.architecture;

import io.seams.fitness.Fitness;
import io.seams.fitness.Readiness;
import io.seams.shop.SeamsApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The readiness ratchet on its own (SeamsFitnessTests runs it with every other rule, as
 * extraction-readiness): no module's extraction-readiness score falls below
 * src/test/resources/readiness-baseline.json, and no gate breaks that the baseline does not
 * record. It writes the reports on the way: target/fitness/readiness.md, .json and .sarif.
 */
@Tag("ex-12")
class ReadinessRatchetTests {

    @Test
    void noModuleFallsBelowItsReadinessBaseline() {
        var seams = Fitness.of(SeamsApplication.class);
        Readiness.rule(seams).check(seams.application().classes());
    }
}
