package io.seams.fitness;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * A rule built from one of ArchUnit's own conditions (cycles, field injection), whose findings
 * say what is wrong but not what to do: each finding gets the pack's "Fix:" line, as every other
 * rule's has.
 */
final class WithFix implements ArchRule {

    private final ArchRule rule;
    private final String fix;

    private WithFix(ArchRule rule, String fix) {
        this.rule = rule;
        this.fix = fix;
    }

    /** The rule, its findings ending with {@code Fix: <fix>} where they do not say one already. */
    static ArchRule of(ArchRule rule, String fix) {
        return new WithFix(rule, fix);
    }

    @Override
    public EvaluationResult evaluate(JavaClasses classes) {
        var result = rule.evaluate(classes);
        var events = ConditionEvents.Factory.create();
        result.getFailureReport()
                .getDetails()
                .forEach(finding -> events.add(violated(
                        finding,
                        finding.contains("Fix:") ? finding : finding + System.lineSeparator() + "Fix: " + fix)));
        return new EvaluationResult(this, events, result.getPriority());
    }

    @Override
    public void check(JavaClasses classes) {
        ArchRule.Assertions.assertNoViolation(evaluate(classes));
    }

    @Override
    public ArchRule because(String reason) {
        return new WithFix(rule.because(reason), fix);
    }

    @Override
    public ArchRule allowEmptyShould(boolean allow) {
        return new WithFix(rule.allowEmptyShould(allow), fix);
    }

    @Override
    public ArchRule as(String description) {
        return new WithFix(rule.as(description), fix);
    }

    @Override
    public String getDescription() {
        return rule.getDescription();
    }

    @Override
    public String toString() {
        return rule.toString();
    }
}
