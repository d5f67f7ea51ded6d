package io.seams.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;

/** Asserts exactly which violations a rule reports on a fixture. */
final class Violations {

    private Violations() {}

    static List<String> of(ArchRule rule, JavaClasses classes) {
        return rule.evaluate(classes).getFailureReport().getDetails();
    }

    /** The rule reports exactly as many violations as expected, each one containing its expected text. */
    static void assertExactly(ArchRule rule, JavaClasses classes, String... expected) {
        var reported = new ArrayList<>(of(rule, classes));
        assertThat(reported)
                .as("violations of '%s': %s", rule.getDescription(), reported)
                .hasSize(expected.length);
        for (var text : expected) {
            var match =
                    reported.stream().filter(detail -> detail.contains(text)).findFirst();
            assertThat(match)
                    .as("a violation containing '%s' among %s", text, reported)
                    .isPresent();
            reported.remove(match.get());
        }
    }

    static void assertNone(ArchRule rule, JavaClasses classes) {
        assertThat(of(rule, classes))
                .as("violations of '%s'", rule.getDescription())
                .isEmpty();
    }
}
