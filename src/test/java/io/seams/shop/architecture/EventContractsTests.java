package io.seams.shop.architecture;

import io.seams.fitness.EventContractDocument;
import io.seams.fitness.EventContractLock;
import io.seams.fitness.EventContractRules;
import io.seams.fitness.Fitness;
import io.seams.shop.SeamsApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The events' published contracts, checked on their own: every event is a safe contract (rule
 * event-contracts), their JSON shapes match the event lock (src/test/resources/event-contracts.lock.json,
 * rule event-lock), and the AsyncAPI document (docs/api/asyncapi.yaml) is the one they give.
 * SeamsFitnessTests runs the same checks with every other rule, and rewrites the lock and the
 * document with -Dfitness.update-event-lock=true.
 */
@Tag("ex-09")
class EventContractsTests {

    static final Fitness SEAMS = Fitness.of(SeamsApplication.class);

    @Test
    void theEventsAreSafeContracts() {
        EventContractRules.eventsAreSafeContracts(SEAMS.application())
                .check(SEAMS.application().classes());
    }

    @Test
    void theEventsMatchTheirLockedContracts() {
        EventContractLock.eventsMatchTheirLockedContracts(
                        SEAMS.application(),
                        SEAMS.settings().eventLock(),
                        SEAMS.settings().eventLockUpdateCommand())
                .check(SEAMS.application().classes());
    }

    @Test
    void theAsyncApiDocumentDescribesTheEvents() {
        EventContractDocument.documentMatchesTheEvents(
                        SEAMS.application(),
                        SeamsEventDocument.SETTINGS,
                        SeamsEventDocument.PATH,
                        SEAMS.settings().eventLockUpdateCommand())
                .check(SEAMS.application().classes());
    }
}
