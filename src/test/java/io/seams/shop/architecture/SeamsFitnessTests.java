package io.seams.shop.architecture;

import io.seams.fitness.EventContractDocument;
import io.seams.fitness.Fitness;
import io.seams.shop.SeamsApplication;
import io.seams.shop.testing.TestDatabases;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Every rule of the pack (architecture-tests/) on Seams, through the same entry point an adopting
 * team uses; Seams' conventions are in src/test/resources/fitness.properties. Three more rules are
 * Seams' own: its AsyncAPI document (docs/api/asyncapi.yaml) is the one the events give, business
 * modules take the time from the Clock ({@link TimeRules}), and aggregates extend the kernel's
 * Aggregate ({@link AggregateRules}).
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
                    if (fitness.settings().updateEventLock()) {
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
                .tests();
    }
}
