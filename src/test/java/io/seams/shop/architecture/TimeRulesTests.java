package io.seams.shop.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.seams.fitness.ModularApplication;
import io.seams.shop.SeamsApplication;
import io.seams.shop.shipping.TimeFixtures;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The rule of TimeRules on fixtures of a business module (TimeFixtures, in shipping's package):
 * it reports every class that reads the system clock, by name, and none that takes the time from
 * a Clock; and Seams' own classes keep it.
 */
@Tag("ex-04")
class TimeRulesTests {

    static final ModularApplication SEAMS = ModularApplication.of(SeamsApplication.class);
    static final ArchRule RULE = TimeRules.businessModulesTakeTheTimeFromTheClock(SEAMS);

    @Test
    void reportsAClassThatReadsTheSystemClock() {
        var fixture = TimeFixtures.ReadsInstantNow.class;

        assertThat(violations(fixture))
                .as("the rule reports %s, which calls Instant.now()", fixture.getName())
                .anyMatch(line -> line.contains(fixture.getName()));
    }

    @Test
    void reportsEveryWayOfReadingTheSystemClock() {
        var unreported = Stream.<Class<?>>of(
                        TimeFixtures.ReadsInstantNow.class,
                        TimeFixtures.ReadsLocalDateNow.class,
                        TimeFixtures.ReadsTheTimeInAZone.class,
                        TimeFixtures.ReadsCurrentTimeMillis.class,
                        TimeFixtures.MakesASystemClock.class)
                .filter(fixture -> violations(fixture).stream().noneMatch(line -> line.contains(fixture.getName())))
                .map(Class::getName)
                .toList();

        assertThat(unreported)
                .as("classes that read the system clock but the rule does not report")
                .isEmpty();
    }

    @Test
    void acceptsTheTimeFromAClock() {
        assertThat(violations(TimeFixtures.TakesTheTimeFromTheClock.class))
                .as("what the rule reports on a class that takes the time from its Clock")
                .isEmpty();
    }

    @Test
    void seamsTakesTheTimeOnlyFromItsClock() {
        RULE.check(SEAMS.classes());
    }

    private static List<String> violations(Class<?> fixture) {
        return RULE.evaluate(new ClassFileImporter().importClasses(fixture))
                .getFailureReport()
                .getDetails();
    }
}
