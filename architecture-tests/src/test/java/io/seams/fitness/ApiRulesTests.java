package io.seams.fitness;

import io.seams.fitness.fixtures.clean.CleanApplication;
import io.seams.fitness.fixtures.events.EventsApplication;
import org.junit.jupiter.api.Test;

class ApiRulesTests {

    static final String BOOK = "io.seams.fitness.fixtures.events.ordering.OrderBook";

    @Test
    void reportsEntitiesAndCallbacksInAModuleApi() {
        var violating = ModularApplication.of(EventsApplication.class);

        Violations.assertExactly(
                ApiRules.moduleApisAreRemoteSafe(violating),
                violating.classes(),
                BOOK + ".load (OrderBook.java) returns io.seams.fitness.fixtures.events.ordering.domain.PurchaseOrder",
                BOOK + ".eachOrder (OrderBook.java) takes java.util.function.Consumer<java.lang.String>",
                BOOK + ".basketOf (OrderBook.java) returns"
                        + " java.util.Optional<io.seams.fitness.fixtures.events.ordering.domain.Basket>",
                "io.seams.fitness.fixtures.events.ordering.OrderDesk.load (OrderDesk.java) returns"
                        + " io.seams.fitness.fixtures.events.ordering.domain.PurchaseOrder");
    }

    @Test
    void anApiClassOfASharedModuleIsNotServedRemotelyAndValuesAreNoApis() {
        var transactions = ModularApplication.of(io.seams.fitness.fixtures.transactions.TransactionsApplication.class);

        Violations.assertNone(ApiRules.moduleApisAreRemoteSafe(transactions), transactions.classes());
    }

    @Test
    void passesACleanApplication() {
        var clean = ModularApplication.of(CleanApplication.class);
        Violations.assertNone(ApiRules.moduleApisAreRemoteSafe(clean), clean.classes());
    }

    @Test
    void reportsAModuleImplementingAnotherModulesApi() {
        var violating = ModularApplication.of(EventsApplication.class);

        Violations.assertExactly(
                ApiRules.apisAreImplementedByTheirModule(violating),
                violating.classes(),
                "io.seams.fitness.fixtures.events.shipping.internal.CachedStatuses (CachedStatuses.java) implements"
                        + " io.seams.fitness.fixtures.events.ordering.OrderStatuses, the API of module 'ordering'. Fix:"
                        + " call 'ordering' through that API");
        var clean = ModularApplication.of(CleanApplication.class);
        Violations.assertNone(ApiRules.apisAreImplementedByTheirModule(clean), clean.classes());
    }

    @Test
    void reportsInternalTypesThatAModuleApiShows() {
        var violating = ModularApplication.of(EventsApplication.class);
        var order = "io.seams.fitness.fixtures.events.ordering.domain.PurchaseOrder";

        Violations.assertExactly(
                ApiRules.apisShowOnlyApiTypes(violating),
                violating.classes(),
                // Another module's internal record as a component of an API record: the readiness score alone used to
                // count it.
                "io.seams.fitness.fixtures.events.ordering.OrderBoxed$Box (OrderBoxed.java) shows"
                        + " io.seams.fitness.fixtures.events.shipping.internal.ParcelSize in its constructor and"
                        + " size(), a type module 'shipping' keeps internal. Fix: move ParcelSize into the module's API",
                "io.seams.fitness.fixtures.events.ordering.CarriesEntity (CarriesEntity.java) shows " + order
                        + " in its constructor and order()",
                "io.seams.fitness.fixtures.events.ordering.OrderWeighed (OrderWeighed.java) shows " + order
                        + " in its constructor and order()",
                BOOK + " (OrderBook.java) shows io.seams.fitness.fixtures.events.ordering.domain.Basket in basketOf()",
                BOOK + " (OrderBook.java) shows " + order + " in load()",
                "io.seams.fitness.fixtures.events.ordering.OrderDesk (OrderDesk.java) shows " + order + " in load()",
                // Through a type parameter's bound, a thrown exception and a public method it inherits.
                "io.seams.fitness.fixtures.events.ordering.OrderLedger (OrderLedger.java) shows"
                        + " io.seams.fitness.fixtures.events.ordering.domain.Basket in settle() and type parameter T",
                "io.seams.fitness.fixtures.events.ordering.OrderLedger (OrderLedger.java) shows"
                        + " io.seams.fitness.fixtures.events.ordering.domain.LedgerClosed in settle()",
                "io.seams.fitness.fixtures.events.ordering.OrderLedger (OrderLedger.java) shows " + order
                        + " in last()");
        var clean = ModularApplication.of(CleanApplication.class);
        Violations.assertNone(ApiRules.apisShowOnlyApiTypes(clean), clean.classes());
    }
}
