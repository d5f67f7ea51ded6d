package io.seams.fitness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.seams.fitness.fixtures.clean.CleanApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventContractLockTests {

    static final ModularApplication app = ModularApplication.of(CleanApplication.class);
    static final ModularApplication unsampled =
            ModularApplication.of(io.seams.fitness.fixtures.events.EventsApplication.class);
    static final Path CONTRACTS = Fixtures.path("src/test/contracts");

    @Test
    void recordsTheShapeEventsReallyHaveOnTheWire() {
        assertThat(EventContractLock.currentShapes(app))
                .containsOnlyKeys("ordering.Ordered.v1")
                .extractingByKey("ordering.Ordered.v1")
                .isEqualTo(java.util.Map.of("order", "string:uuid", "skus[]", "string"));
    }

    @Test
    void locksEventsSharingABrokerTargetEachUnderItsOwnKey() {
        assertThat(EventContractLock.externalizedEvents(unsampled))
                .containsEntry(
                        "ordering-exchange::PlacedOnExchange",
                        io.seams.fitness.fixtures.events.ordering.PlacedOnExchange.class)
                .containsEntry(
                        "ordering-exchange::CancelledOnExchange",
                        io.seams.fitness.fixtures.events.ordering.CancelledOnExchange.class)
                .containsKey("ordering-exchange::KeyedByExpression")
                .doesNotContainKey("ordering-exchange")
                .containsKey("ordering.Skewed.v1");
        assertThat(EventContractLock.currentShapes(unsampled))
                .containsEntry("ordering-exchange::PlacedOnExchange", java.util.Map.of("orderId", "string"))
                .containsEntry("ordering-exchange::CancelledOnExchange", java.util.Map.of("orderId", "string"));
    }

    @Test
    void reportsRemovedAndRetypedFieldsAsBreakingChanges() {
        Violations.assertExactly(
                EventContractLock.eventsMatchTheirLockedContracts(app, CONTRACTS.resolve("breaking.lock.json")),
                app.classes(),
                "Event ordering.Ordered.v1: field 'customer' was removed or renamed",
                "Event ordering.Ordered.v1: field 'order' changed from number to string:uuid");
    }

    @Test
    void reportsAddedFieldsAndEventsUntilTheLockIsUpdated() {
        Violations.assertExactly(
                EventContractLock.eventsMatchTheirLockedContracts(app, CONTRACTS.resolve("additive.lock.json")),
                app.classes(),
                "Event ordering.Ordered.v1: field 'skus[]' was added",
                "Event ordering.Cancelled.v1 is no longer published");
    }

    @Test
    void theUpdateCommandAcceptsCompatibleChanges(@TempDir Path folder) throws Exception {
        var lock = Files.copy(CONTRACTS.resolve("additive.lock.json"), folder.resolve("events.lock.json"));

        EventContractLock.update(app, lock);

        Violations.assertNone(EventContractLock.eventsMatchTheirLockedContracts(app, lock), app.classes());
    }

    @Test
    void theUpdateCommandRefusesBreakingChanges(@TempDir Path folder) throws Exception {
        assertTheUpdateRefuses(app, "breaking.lock.json", folder, "field 'customer' was removed");
    }

    @Test
    void theUpdateCommandRefusesToDropAnEventStillInTheCodeThatCannotBeSampled(@TempDir Path folder) throws Exception {
        assertTheUpdateRefuses(
                unsampled,
                "unsampled.lock.json",
                folder,
                "Event ordering.NotJsonFriendly.v1 is still in the code but cannot be sampled",
                "only events removed from the code leave the lock");
    }

    @Test
    void reportsALockedEventThatCannotBeSampledRatherThanAsNoLongerPublished() {
        var reported = Violations.of(
                EventContractLock.eventsMatchTheirLockedContracts(unsampled, CONTRACTS.resolve("unsampled.lock.json")),
                unsampled.classes());
        assertThat(reported)
                .anyMatch(violation -> violation.contains(
                        "Event ordering.NotJsonFriendly.v1 is still in the code but cannot be sampled"))
                .noneMatch(violation -> violation.contains("NotJsonFriendly.v1 is no longer published"));
    }

    @Test
    void reportsAnEventDroppedInTheChangeThatBringsItsNextVersion() {
        Violations.assertExactly(
                EventContractLock.eventsMatchTheirLockedContracts(app, CONTRACTS.resolve("bumped.lock.json")),
                app.classes(),
                "Event ordering.Ordered.v0 is no longer published, in the same change that brings ordering.Ordered.v1",
                "Event ordering.Ordered.v1 is new");
    }

    @Test
    void theUpdateCommandRetiresAnEventWithItsSuccessorOnlyWhenToldTo(@TempDir Path folder) throws Exception {
        var lock = Files.copy(CONTRACTS.resolve("bumped.lock.json"), folder.resolve("events.lock.json"));

        assertThatIllegalStateException()
                .isThrownBy(() -> EventContractLock.update(app, lock))
                .withMessageContaining("ordering.Ordered.v0 would stop in the same change that brings the next version")
                .withMessageContaining("-Dfitness.retire-events=ordering.Ordered.v0");
        assertThat(lock).hasSameTextualContentAs(CONTRACTS.resolve("bumped.lock.json"));

        EventContractLock.update(app, lock, java.util.Set.of("ordering.Ordered.v0"));

        Violations.assertNone(EventContractLock.eventsMatchTheirLockedContracts(app, lock), app.classes());
    }

    static final ModularApplication retyped =
            ModularApplication.of(io.seams.fitness.fixtures.retyped.RetypedApplication.class);

    @Test
    void refinesEachFieldsJsonKindByTheJavaTypeBehindIt() {
        assertThat(EventContractLock.currentShapes(retyped))
                .containsOnlyKeys("stock.StockReleased.v1")
                .extractingByKey("stock.StockReleased.v1")
                .isEqualTo(EventContractLock.locked(CONTRACTS.resolve("retyped-current.lock.json"))
                        .get("stock.StockReleased.v1"));
    }

    @Test
    void anInstantBecomingALocalDateIsARetyping() {
        Violations.assertExactly(
                EventContractLock.eventsMatchTheirLockedContracts(
                        retyped, CONTRACTS.resolve("retyped-instant-to-date.lock.json")),
                retyped.classes(),
                "Event stock.StockReleased.v1: field 'occurredAt' changed from string:date-time to string:date"
                        + " (" + CONTRACTS.resolve("retyped-instant-to-date.lock.json") + ")."
                        + " Fix: raise the event's version in @Externalized (v1 -> v2)");
    }

    @Test
    void aUuidBecomingFreeTextIsARetyping() {
        Violations.assertExactly(
                EventContractLock.eventsMatchTheirLockedContracts(
                        retyped, CONTRACTS.resolve("retyped-uuid-to-string.lock.json")),
                retyped.classes(),
                "Event stock.StockReleased.v1: field 'orderId' changed from string:uuid to string (");
    }

    @Test
    void anIntegerBecomingADecimalIsARetyping() {
        Violations.assertExactly(
                EventContractLock.eventsMatchTheirLockedContracts(
                        retyped, CONTRACTS.resolve("retyped-integer-to-decimal.lock.json")),
                retyped.classes(),
                "Event stock.StockReleased.v1: field 'quantity' changed from number:integer to number:decimal");
    }

    @Test
    void aConstantAddedToAnEnumIsARetyping() {
        Violations.assertExactly(
                EventContractLock.eventsMatchTheirLockedContracts(
                        retyped, CONTRACTS.resolve("retyped-enum-constant-added.lock.json")),
                retyped.classes(),
                "Event stock.StockReleased.v1: field 'reason' changed from string:enum[CANCELLED,EXPIRED]"
                        + " to string:enum[CANCELLED,EXPIRED,REJECTED]");
    }

    @Test
    void theUpdateCommandRefusesARetypingBehindTheSameJsonKind(@TempDir Path folder) throws Exception {
        assertTheUpdateRefuses(
                retyped,
                "retyped-instant-to-date.lock.json",
                folder,
                "field 'occurredAt' changed from string:date-time to string:date");
    }

    @Test
    void aLockWrittenBeforeTypesWereRefinedIsAcceptedAndTheUpdateRefinesIt(@TempDir Path folder) throws Exception {
        var lock = Files.copy(CONTRACTS.resolve("retyped-coarse.lock.json"), folder.resolve("events.lock.json"));

        Violations.assertNone(EventContractLock.eventsMatchTheirLockedContracts(retyped, lock), retyped.classes());
        EventContractLock.update(retyped, lock);

        assertThat(lock).hasSameTextualContentAs(CONTRACTS.resolve("retyped-current.lock.json"));
        Violations.assertNone(EventContractLock.eventsMatchTheirLockedContracts(retyped, lock), retyped.classes());
    }

    @Test
    void passesWhenTheRefinedLockMatches() {
        Violations.assertNone(
                EventContractLock.eventsMatchTheirLockedContracts(
                        retyped, CONTRACTS.resolve("retyped-current.lock.json")),
                retyped.classes());
    }

    @Test
    void passesWhenTheLockMatches() {
        Violations.assertNone(
                EventContractLock.eventsMatchTheirLockedContracts(app, CONTRACTS.resolve("clean.lock.json")),
                app.classes());
    }

    /** The update command refuses, saying each of {@code messages}, and leaves the lock as it was. */
    private static void assertTheUpdateRefuses(
            ModularApplication application, String fixture, Path folder, String... messages) throws Exception {
        var lock = Files.copy(CONTRACTS.resolve(fixture), folder.resolve("events.lock.json"));

        var refusal = assertThatIllegalStateException().isThrownBy(() -> EventContractLock.update(application, lock));
        for (var message : messages) {
            refusal.withMessageContaining(message);
        }
        assertThat(lock).hasSameTextualContentAs(CONTRACTS.resolve(fixture));
    }
}
