package io.seams.shop.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.fitness.EventContractDocument;
import io.seams.fitness.EventContractLock;
import io.seams.fitness.Fitness;
import io.seams.fitness.FitnessSettings;
import io.seams.shop.SeamsApplication;
import io.seams.shop.testing.TestDatabases;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Every rule of the pack (architecture-tests/) on Seams, through the same entry point an adopting
 * team uses; Seams' conventions are in src/test/resources/fitness.properties. Four more rules are
 * Seams' own: its AsyncAPI document (docs/api/asyncapi.yaml) is the one the events give, business
 * modules take the time from the Clock ({@link TimeRules}), aggregates extend the kernel's
 * Aggregate ({@link AggregateRules}), and a bean's constructor that only takes its collaborators is
 * generated ({@link ConstructorRules}).
 */
class SeamsFitnessTests {

    @TestFactory
    Stream<DynamicTest> fitness() {
        return Fitness.of(SeamsApplication.class)
                .withDatabase(() -> {
                    var database = TestDatabases.fresh();
                    return new DriverManagerDataSource(database.url(), database.username(), database.password());
                })
                .withRule("asyncapi-document", fitness -> {
                    // Written only once the lock took the change: a refused update leaves both as they were.
                    if (fitness.settings().updateEventLock()
                            && EventContractLock.locked(fitness.settings().eventLock())
                                    .equals(EventContractLock.currentShapes(fitness.application()))) {
                        EventContractDocument.write(
                                fitness.application(), SeamsEventDocument.SETTINGS, SeamsEventDocument.PATH);
                    }
                    return EventContractDocument.documentMatchesTheEvents(
                            fitness.application(),
                            SeamsEventDocument.SETTINGS,
                            SeamsEventDocument.PATH,
                            fitness.settings().eventLockUpdateCommand());
                })
                .withRule(
                        "time-from-the-clock",
                        fitness -> TimeRules.businessModulesTakeTheTimeFromTheClock(fitness.application()))
                .withRule(
                        "aggregates-extend-aggregate", fitness -> AggregateRules.aggregatesExtendTheKernelsAggregate())
                .withRule(
                        "generated-constructors",
                        fitness -> ConstructorRules.beanConstructorsThatOnlyAssignAreGenerated())
                .tests();
    }

    /**
     * A rule switched off or frozen in fitness.properties shows only as a skipped test: Seams, the
     * reference, holds every rule of the pack, so such a setting fails here instead.
     */
    @Test
    void seamsSwitchesNoRuleOffAndFreezesNone() {
        var settings = Fitness.of(SeamsApplication.class).settings();

        assertThat(Fitness.rules())
                .as("rules that fitness.properties (or a -Dfitness.rule.<id> property) switches off or freezes;"
                        + " fix what they find instead, or change the rule in architecture-tests/ with a test")
                .filteredOn(rule -> settings.mode(rule.id()) != FitnessSettings.Mode.ON)
                .extracting(Fitness.Rule::id)
                .isEmpty();
    }
}
