package io.seams.fitness;

import static org.assertj.core.api.Assertions.assertThat;

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
                // One list copied does not make the other safe.
                EVENTS + "CopiesOneList (CopiesOneList.java) keeps the collection 'carriers' it was given",
                // An unmodifiable view still shows the caller's later changes; List.copyOf does not.
                EVENTS + "WrapsList (WrapsList.java) keeps the collection 'lines' it was given",
                EVENTS + "NotJsonFriendly (NotJsonFriendly.java) carries 'payload' of type java.lang.Object,"
                        + " which is not JSON-friendly",
                EVENTS + "Skewed (Skewed.java) does not read back from its JSON unchanged",
                EVENTS + "domain.InternalEvent (InternalEvent.java) is not in its module's API package",
                EVENTS + "KeyedByExpression (KeyedByExpression.java) has no stable external name with a version",
                EVENTS + "OrderPacked (OrderPacked.java) is not a record",
                EVENTS + "OrderWeighed (OrderWeighed.java) carries 'order' of type PurchaseOrder, an aggregate",
                EVENTS + "OrderWeighed (OrderWeighed.java) has no stable external name with a version",
                EVENTS + "OrderBoxed (OrderBoxed.java) carries 'boxes[].size' of type"
                        + " io.seams.fitness.fixtures.events.shipping.internal.ParcelSize from the internals of module"
                        + " 'shipping' (ParcelSize.java). Fix: move it to the module's API package",
                EVENTS + "OrderBoxed (OrderBoxed.java) keeps the collection 'boxes[].items' it was given, which can"
                        + " change under it. Fix: copy it in Box's constructor");
    }

    @Test
    void findsEventsByUseAcrossModulesNotOnlyByMarker() {
        var events = EventContractRules.moduleEvents(violating);
        var classes = violating.classes();

        assertThat(events.test(classes.get(EVENTS + "OrderPacked"))).isTrue();
        assertThat(events.test(classes.get(EVENTS + "OrderWeighed"))).isTrue();
        assertThat(EventContractRules.moduleEvents().test(classes.get(EVENTS + "OrderWeighed")))
                .isFalse();
        assertThat(ModuleEvents.eventTypes(violating)
                        .test(classes.get("io.seams.fitness.fixtures.events.shipping.Shipping$Parcel")))
                .isFalse();
    }

    @Test
    void aSharedModulesOwnModulesAndFrameworkTypesAreNoEventsByUse() {
        var listeners = ModularApplication.of(io.seams.fitness.fixtures.listeners.ListenersApplication.class);
        var used = ModuleEvents.listenedToByOtherModules(listeners);

        assertThat(used).containsExactly("io.seams.fitness.fixtures.listeners.ordering.Ordered");
    }

    @Test
    void anEventInANamedInterfaceIsInItsModulesApi() {
        assertThat(Violations.of(EventContractRules.eventsAreSafeContracts(violating), violating.classes()))
                .noneMatch(violation -> violation.contains("OrderShipped"));
        assertThat(violating.isExposed(violating
                        .classes()
                        .get(io.seams.fitness.fixtures.events.ordering.contracts.OrderShipped.class)))
                .isTrue();
    }

    @Test
    void readsTheBrokerTargetAndTheRoutingKeyOfAnExternalizedEvent() {
        var exchange = EventContractRules.ExternalTarget.parse("orders-exchange::orders.new.v2")
                .orElseThrow();
        assertThat(exchange.target()).isEqualTo("orders-exchange");
        assertThat(exchange.key()).contains("orders.new.v2");
        assertThat(exchange.version()).contains("2");

        var topic = EventContractRules.ExternalTarget.parse("orders.OrderPlaced.v1::#{orderId()}")
                .orElseThrow();
        assertThat(topic.target()).isEqualTo("orders.OrderPlaced.v1");
        assertThat(topic.keyIsExpression()).isTrue();
        assertThat(topic.version()).contains("1");

        assertThat(EventContractRules.ExternalTarget.parse("target::#{key}")
                        .orElseThrow()
                        .version())
                .isEmpty();
        assertThat(EventContractRules.ExternalTarget.parse("orders-v3")
                        .orElseThrow()
                        .version())
                .contains("3");
        assertThat(EventContractRules.ExternalTarget.parse("orders.vip::x")
                        .orElseThrow()
                        .version())
                .isEmpty();
    }

    @Test
    void passesACleanApplication() {
        Violations.assertNone(EventContractRules.eventsAreSafeContracts(clean), clean.classes());
    }

    @Test
    void reportsAModuleCreatingAnotherModulesEvent() {
        Violations.assertExactly(
                EventContractRules.eventsComeFromTheirModule(violating),
                violating.classes(),
                "io.seams.fitness.fixtures.events.shipping.internal.Relay (Relay.java:16) creates PlacedOnExchange, an"
                        + " event of module 'ordering': only the module it describes may say that it happened. Fix:"
                        + " publish an event of module 'shipping', or ask 'ordering' through its API to act");
        Violations.assertNone(EventContractRules.eventsComeFromTheirModule(clean), clean.classes());
    }
}
