package io.seams.fitness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seams.fitness.fixtures.clean.CleanApplication;
import io.seams.fitness.fixtures.events.EventsApplication;
import io.seams.fitness.fixtures.hygiene.HygieneApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** The one-call entry point: every rule as a test, conventions from settings, rules off or frozen. */
class FitnessTests {

    @TempDir
    Path folder;

    @Test
    void everyRuleOfThePackIsOneTestNamedByItsId() {
        var names = fitness(CleanApplication.class, Map.of())
                .tests()
                .map(DynamicTest::getDisplayName)
                .toList();

        assertThat(names)
                .containsExactlyElementsOf(
                        Fitness.rules().stream().map(Fitness.Rule::id).toList())
                .contains("module-apis", "event-lock", "no-calls-in-transactions", "database-objects");
    }

    @Test
    void aViolationFailsTheCheckNamingTheRuleTheClassAndTheFix() {
        var fitness = fitness(HygieneApplication.class, Map.of());

        assertThatThrownBy(fitness::check)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("[no-field-injection]")
                .hasMessageContaining("Injected.cyclic> is annotated with @Autowired in (Injected.java:9)")
                .hasMessageContaining("[package-private-internals]")
                .hasMessageContaining("Helper.java");
    }

    @Test
    void aRuleSwitchedOffIsSkippedAndReportedAsOff() throws Exception {
        var fitness = fitness(HygieneApplication.class, Map.of("rule.no-field-injection", "off"));

        assertThatThrownBy(() -> run(fitness, "no-field-injection"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("switched off by fitness.rule.no-field-injection=off");
        assertThat(fitness.results())
                .anySatisfy(entry -> assertThat(entry.status()).isEqualTo(FitnessReport.Status.OFF));
        assertThat(Files.readString(folder.resolve("report/report.json"))).contains("\"status\" : \"off\"");
    }

    @Test
    void aFrozenRuleToleratesTheViolationsItRecordedAndFailsOnNewOnes() throws Throwable {
        var frozen = Map.of("rule.no-field-injection", "frozen");
        // The store is made from an application without the violation: nothing is tolerated.
        run(fitness(CleanApplication.class, frozen), "no-field-injection");
        assertThat(folder.resolve("frozen")).isDirectory();

        assertThatThrownBy(() -> run(fitness(HygieneApplication.class, frozen), "no-field-injection"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Injected.cyclic> is annotated with @Autowired in (Injected.java:9)");

        // Recorded as known (what fitness.refreeze=true does once), it is tolerated from then on.
        run(fitness(HygieneApplication.class, with(frozen, "refreeze", "true")), "no-field-injection");
        run(fitness(HygieneApplication.class, frozen), "no-field-injection");
    }

    @Test
    void aSettingNamingNoRuleIsRefused() {
        var fitness = fitness(CleanApplication.class, Map.of("rule.no-such-rule", "off"));

        assertThatThrownBy(fitness::tests)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fitness.rule.no-such-rule names no rule")
                .hasMessageContaining("module-apis");
    }

    @Test
    void aModeOtherThanOnOffOrFrozenIsRefused() {
        var settings = new FitnessSettings(Map.of("fitness.rule.onion", "maybe"));

        assertThatThrownBy(() -> settings.mode("onion")).hasMessageContaining("say on, off or frozen");
    }

    @Test
    void messagesQuoteTheApplicationsOwnCommand() {
        var fitness = fitness(
                EventsApplication.class,
                Map.of(
                        "command",
                        "gradle check",
                        "event-lock",
                        folder.resolve("none.lock.json").toString()));

        assertThatThrownBy(fitness::check)
                .hasMessageContaining("[event-lock]")
                .hasMessageContaining("Accept it with: gradle check -Dfitness.update-event-lock=true");
    }

    @Test
    void settingsHaveDefaultsForEveryConvention() {
        var settings = new FitnessSettings(Map.of());

        assertThat(settings.command()).isEqualTo("mvn verify");
        assertThat(settings.migrations()).isEqualTo(Path.of("src/main/resources/db/migration"));
        assertThat(settings.eventLock()).isEqualTo(Path.of("src/test/resources/event-contracts.lock.json"));
        assertThat(settings.reportFolder()).isEqualTo(Path.of("target/fitness"));
        assertThat(settings.mode("onion")).isEqualTo(FitnessSettings.Mode.ON);
        assertThat(new FitnessSettings(Map.of("fitness.schema-owners", "events:platform, audit:ops")).schemaOwners())
                .containsExactly(Map.entry("events", "platform"), Map.entry("audit", "ops"));
        assertThatThrownBy(() -> new FitnessSettings(Map.of("fitness.schema-owners", "events")).schemaOwners())
                .hasMessageContaining("is not schema:module");
    }

    private Fitness fitness(Class<?> application, Map<String, String> values) {
        var settings = new FitnessSettings(Map.of(
                "fitness.report", folder.resolve("report").toString(),
                "fitness.freeze-store", folder.resolve("frozen").toString(),
                "fitness.migrations", folder.resolve("no-migrations").toString(),
                "fitness.sources.main", Fixtures.path("src/test/java").toString(),
                "fitness.sources.test", Fixtures.path("src/test/java").toString(),
                "fitness.event-lock", folder.resolve("events.lock.json").toString(),
                "fitness.readiness.baseline",
                        folder.resolve("readiness-baseline.json").toString()));
        for (var value : values.entrySet()) {
            settings = settings.with(value.getKey(), value.getValue());
        }
        return Fitness.of(application).withSettings(settings);
    }

    private static void run(Fitness fitness, String rule) throws Throwable {
        fitness.tests()
                .filter(test -> test.getDisplayName().equals(rule))
                .findFirst()
                .orElseThrow()
                .getExecutable()
                .execute();
    }

    private static Map<String, String> with(Map<String, String> values, String key, String value) {
        var more = new java.util.HashMap<>(values);
        more.put(key, value);
        return more;
    }
}
