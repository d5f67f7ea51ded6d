package io.seams.shop.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.seams.shop.platform.kernel.AggregateEvents;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The rule of ConstructorRules on fixtures; SeamsFitnessTests runs it on Seams (as
 * {@code generated-constructors}).
 */
class ConstructorRulesTests {

    @Test
    void reportsABeanWhoseHandWrittenConstructorOnlyAssigns() {
        assertThat(violations(HandWritten.class))
                .singleElement()
                .asString()
                .contains(
                        HandWritten.class.getName(),
                        "ConstructorRulesTests.java",
                        "Fix: delete it",
                        "@RequiredArgsConstructor");
    }

    @Test
    void acceptsConstructorsThatDoMoreThanAssignAndClassesThatAreNoBeans() {
        assertThat(violations(Checking.class, Building.class, Configured.class, NoBean.class, RecordBean.class))
                .isEmpty();
    }

    @Test
    void acceptsTheConstructorLombokWrites() {
        // Compiled with src/main, where Lombok runs: tests are compiled without annotation processors.
        assertThat(violations(AggregateEvents.class)).isEmpty();
    }

    private static List<String> violations(Class<?>... fixtures) {
        return ConstructorRules.beanConstructorsThatOnlyAssignAreGenerated()
                .evaluate(new ClassFileImporter().importClasses(fixtures))
                .getFailureReport()
                .getDetails();
    }

    @Service
    static class HandWritten {

        private final Clock clock;
        private final String name;

        HandWritten(Clock clock, String name) {
            this.clock = clock;
            this.name = name;
        }

        String now() {
            return name + clock.instant();
        }
    }

    @Service
    static class Checking {

        private final Clock clock;

        Checking(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
        }

        Clock clock() {
            return clock;
        }
    }

    @Service
    static class Building {

        private final Clock clock;
        private final StringBuilder log;

        Building(Clock clock) {
            this.clock = clock;
            this.log = new StringBuilder();
        }

        String log() {
            return log.append(clock.instant()).toString();
        }
    }

    @Service
    static class Configured {

        private final String name;

        Configured(@Value("${seams.name:x}") String name) {
            this.name = name;
        }

        String name() {
            return name;
        }
    }

    @Service
    record RecordBean(Clock clock) {}

    static class NoBean {

        private final Clock clock;

        NoBean(Clock clock) {
            this.clock = clock;
        }

        Clock clock() {
            return clock;
        }
    }
}
