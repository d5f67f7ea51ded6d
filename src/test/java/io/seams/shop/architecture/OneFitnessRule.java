package io.seams.shop.architecture;

import io.seams.fitness.Fitness;
import io.seams.fitness.ModularApplication;
import io.seams.shop.SeamsApplication;

/**
 * One rule of the pack on Seams, with Seams' conventions (src/test/resources/fitness.properties),
 * as a plain test can run it: the workshop's exercises check the rules their seam is about, each
 * in a test method of its own. It fails like {@code SeamsFitnessTests} does for that rule, with
 * the rule's name and its violations, and writes no report (that is SeamsFitnessTests' job).
 */
final class OneFitnessRule {

    private OneFitnessRule() {}

    /** Seams as the rules see it: its modules and classes, imported once per JVM. */
    static ModularApplication application() {
        return Fitness.of(SeamsApplication.class).application();
    }

    /** Runs the rule whose id is given ({@code module-apis}, {@code no-module-cycles}, ...). */
    static void check(String id) {
        var fitness = Fitness.of(SeamsApplication.class);
        var rule = Fitness.rules().stream()
                .filter(candidate -> candidate.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The pack has no rule " + id));
        var application = fitness.application();
        rule.rule().apply(fitness).check(rule.onTests() ? application.testClasses() : application.classes());
    }
}
