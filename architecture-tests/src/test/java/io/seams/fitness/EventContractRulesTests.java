package io.seams.fitness;

import io.seams.fitness.fixtures.clean.CleanApplication;
import io.seams.fitness.fixtures.events.EventsApplication;
import org.junit.jupiter.api.Test;

class EventContractRulesTests {

    static final ModularApplication violating = ModularApplication.of(EventsApplication.class);
    static final ModularApplication clean = ModularApplication.of(CleanApplication.class);
    static final String EVENTS = "io.seams.fitness.fixtures.events.ordering.";

    @Test
    void reportsEveryWayAnEventBreaksItsContract() {
        Violations.assertExactly(
                EventContractRules.eventsAreSafeContracts(violating),
                violating.classes(),
                EVENTS + "MutableEvent (MutableEvent.java) is not a record",
                EVENTS + "CarriesEntity (CarriesEntity.java) carries 'order' of type PurchaseOrder, an aggregate",
                EVENTS + "Unversioned (Unversioned.java) has no stable external name with a version",
                EVENTS + "KeepsList (KeepsList.java) keeps the collection 'skus' it was given",
                EVENTS + "NotJsonFriendly (NotJsonFriendly.java) carries 'payload' of type java.lang.Object,"
                        + " which is not JSON-friendly",
                EVENTS + "Skewed (Skewed.java) does not read back from its JSON unchanged",
                EVENTS + "domain.InternalEvent (InternalEvent.java) is not in its module's API package");
    }

    @Test
    void passesACleanApplication() {
        Violations.assertNone(EventContractRules.eventsAreSafeContracts(clean), clean.classes());
    }
}
