package io.seams.fitness;

import io.seams.fitness.fixtures.clean.CleanApplication;
import io.seams.fitness.fixtures.listeners.ListenersApplication;
import org.junit.jupiter.api.Test;

class ListenerRulesTests {

    static final ModularApplication violating = ModularApplication.of(ListenersApplication.class);
    static final ModularApplication clean = ModularApplication.of(CleanApplication.class);
    static final String LISTENERS = "io.seams.fitness.fixtures.listeners.billing.application.BillingListeners.";

    @Test
    void reportsSynchronousListenersToAnotherModulesEvents() {
        Violations.assertExactly(
                TransactionRules.listenersToOtherModulesAreAsynchronous(violating),
                violating.classes(),
                LISTENERS + "bill(io.seams.fitness.fixtures.listeners.ordering.Ordered) (BillingListeners.java)"
                        + " listens to Ordered of module 'ordering' synchronously, inside the publisher's"
                        + " transaction. Fix: annotate it @ApplicationModuleListener",
                LISTENERS + "billAfterCommit(io.seams.fitness.fixtures.listeners.ordering.Ordered)"
                        + " (BillingListeners.java) listens to Ordered of module 'ordering' synchronously",
                LISTENERS + "count() (BillingListeners.java) listens to Ordered of module 'ordering' synchronously",
                "io.seams.fitness.fixtures.listeners.billing.application.CatchAll.on(java.lang.Object)"
                        + " (CatchAll.java) listens to Object synchronously, inside the publisher's transaction, and"
                        + " that receives other modules' events too. Fix: listen to each event type with an"
                        + " @ApplicationModuleListener method",
                // Every record, every serializable value: every module's events.
                "io.seams.fitness.fixtures.listeners.billing.application.CatchAll.on(java.lang.Record)"
                        + " (CatchAll.java) listens to Record synchronously",
                "io.seams.fitness.fixtures.listeners.billing.application.CatchAll.on(java.io.Serializable)"
                        + " (CatchAll.java) listens to Serializable synchronously");
    }

    @Test
    void reportsListenerInterfacesInBusinessModules() {
        Violations.assertExactly(
                TransactionRules.noApplicationListenersInModules(violating),
                violating.classes(),
                "io.seams.fitness.fixtures.listeners.billing.application.CatchAll$Payloads (CatchAll.java)"
                        + " implements ApplicationListener: it runs synchronously, inside the publisher's transaction."
                        + " Fix: listen with an @ApplicationModuleListener method instead",
                // Made from a lambda: the bean method, and the call that makes it.
                "io.seams.fitness.fixtures.listeners.billing.application.OrderedListeners (OrderedListeners.java)"
                        + " declares the bean billOrders(), an ApplicationListener",
                "io.seams.fitness.fixtures.listeners.billing.application.OrderedListeners (OrderedListeners.java:15)"
                        + " makes a listener with ApplicationListener.forPayload");
    }

    @Test
    void passesACleanApplication() {
        Violations.assertNone(TransactionRules.listenersToOtherModulesAreAsynchronous(clean), clean.classes());
        Violations.assertNone(TransactionRules.noApplicationListenersInModules(clean), clean.classes());
    }
}
