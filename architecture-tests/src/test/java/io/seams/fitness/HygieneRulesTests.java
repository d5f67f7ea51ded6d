package io.seams.fitness;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.seams.fitness.fixtures.clean.CleanApplication;
import io.seams.fitness.fixtures.hygiene.HygieneApplication;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class HygieneRulesTests {

    static final ModularApplication violating = ModularApplication.of(HygieneApplication.class);
    static final ModularApplication clean = ModularApplication.of(CleanApplication.class);

    @Test
    void reportsFieldInjection() {
        Violations.assertExactly(
                HygieneRules.noFieldInjection(
                        violating.withSources(Fixtures.path("src/test/java"), Fixtures.path("src/test/java"))),
                violating.classes(),
                "Field <io.seams.fitness.fixtures.hygiene.ordering.application.Injected.cyclic> is annotated with"
                        + " @Autowired in (Injected.java:9)");
    }

    @Test
    void reportsAPublicTypeUsedOnlyInItsOwnPackage() {
        Violations.assertExactly(
                HygieneRules.internalTypesArePublicOnlyWhenUsedElsewhere(violating),
                violating.classes(),
                "io.seams.fitness.fixtures.hygiene.ordering.domain.Helper (Helper.java) is public but used only in"
                        + " its own package");
    }

    @Test
    void reportsACycleBetweenPackagesOfAModule() {
        Violations.assertExactly(
                HygieneRules.noPackageCyclesInsideModules(violating),
                violating.classes(),
                "Cycle detected: Slice io.seams.fitness.fixtures.hygiene.ordering.application");
        assertThat(Violations.of(HygieneRules.noPackageCyclesInsideModules(violating), violating.classes()))
                .singleElement(as(InstanceOfAssertFactories.STRING))
                .contains("Fix: move the class that one package needs");
    }

    @Test
    void reportsAHandlerThatSwallowsEveryFailure() {
        var sources = violating.withSources(Fixtures.path("src/test/java"), Fixtures.path("src/test/java"));
        Violations.assertExactly(
                HygieneRules.noSwallowedFailures(sources),
                sources.classes(),
                "io.seams.fitness.fixtures.hygiene.ordering.application.Reminders (Reminders.java:21) catches"
                        + " RuntimeException and throws nothing: the failure disappears. A listener returns as if it"
                        + " had done its work, and its event is never retried",
                "io.seams.fitness.fixtures.hygiene.ordering.application.Reminders (Reminders.java:32) catches"
                        + " Exception and throws nothing",
                "io.seams.fitness.fixtures.hygiene.ordering.application.Deliveries (Deliveries.java:26) catches"
                        + " RuntimeException and throws nothing",
                "io.seams.fitness.fixtures.hygiene.ordering.application.Deliveries (Deliveries.java:42) catches"
                        + " RuntimeException and throws nothing",
                "io.seams.fitness.fixtures.hygiene.ordering.application.Deliveries (Deliveries.java:71) catches"
                        + " RuntimeException and throws nothing",
                // In a listener's helper whose false the listener ignores; not where the listener throws, nor
                // where it calls orElseThrow on the helper's Optional.
                "io.seams.fitness.fixtures.hygiene.ordering.application.Notices (Notices.java:36) catches"
                        + " RuntimeException and throws nothing",
                // In a helper's helper whose false the helper between only logs; not where that helper, or
                // the listener above it, throws on the false.
                "io.seams.fitness.fixtures.hygiene.ordering.application.Warehouses (Warehouses.java:35) catches"
                        + " Exception and throws nothing");
    }

    @Test
    void reportsWritesToTheStandardStreams() {
        Violations.assertExactly(
                HygieneRules.noStandardStreams(),
                violating.classes(),
                "io.seams.fitness.fixtures.hygiene.ordering.application.Printing (Printing.java:7) writes to"
                        + " System.out. Fix: log it with the class's logger",
                "io.seams.fitness.fixtures.hygiene.ordering.application.Printing (Printing.java:11) calls"
                        + " printStackTrace(). Fix: log the exception");
    }

    @Test
    void reportsSetterInjection() {
        Violations.assertExactly(
                HygieneRules.noSetterInjection(),
                violating.classes(),
                "io.seams.fitness.fixtures.hygiene.ordering.application.Tallies (Tallies.java:21) has its dependencies"
                        + " injected through setPrinting(). Fix: take them as constructor parameters",
                "io.seams.fitness.fixtures.hygiene.ordering.application.Paging (Paging.java:16) has its dependencies"
                        + " injected through setPageSize()",
                "io.seams.fitness.fixtures.hygiene.ordering.application.Paging (Paging.java:21) has its dependencies"
                        + " injected through setClock()");
    }

    @Test
    void reportsStateInStaticFields() {
        Violations.assertExactly(
                HygieneRules.noStaticState(violating),
                violating.classes(),
                "io.seams.fitness.fixtures.hygiene.ordering.application.Tallies (Tallies.java) keeps state in the"
                        + " static field COUNTS, shared by everything in the process and lost between processes. Fix:",
                "io.seams.fitness.fixtures.hygiene.ordering.application.Tallies (Tallies.java) keeps state in the"
                        + " static field calls",
                "Counters (Counters.java) keeps state in the static field CALLER",
                "Counters (Counters.java) keeps state in the static field LAST_ASKED",
                "Counters (Counters.java) keeps state in the static field LOOKUPS",
                "Registry (Registry.java) keeps state in the static field INSTANCE (field 'seen' of Registry is not"
                        + " final or built mutable)",
                "Registry$Bounces (Registry.java) keeps state in the static field INSTANCE (field 'count' of Bounces is"
                        + " not final or built mutable)",
                // A final field of an enum constant that holds a map built mutable.
                "Registry$Prices (Registry.java) keeps state in the static field INSTANCE (field 'prices' of Prices is"
                        + " not final or built mutable)",
                // Built by a factory method (ConcurrentHashMap.newKeySet()), not a constructor.
                "SeenOrders (SeenOrders.java) keeps state in the static field SEEN",
                // A thread pool and a timer: their queues of work.
                "Senders (Senders.java) keeps state in the static field REMINDERS",
                "Senders (Senders.java) keeps state in the static field SENDERS");
    }

    @Test
    void reportsSleeping() {
        Violations.assertExactly(
                HygieneRules.noSleeping(violating),
                violating.classes(),
                "io.seams.fitness.fixtures.hygiene.ordering.application.Tallies (Tallies.java:30) sleeps. Fix: let"
                        + " the event publication registry retry",
                // Timed waits that are not called sleep; the untimed latch.await() is not one.
                "Waits (Waits.java:18) waits for a time (LockSupport.parkNanos()). Fix: let the event publication"
                        + " registry retry",
                "Waits (Waits.java:22) waits for a time (LockSupport.parkUntil())",
                "Waits (Waits.java:27) waits for a time (Object.wait())",
                "Waits (Waits.java:32) waits for a time (CountDownLatch.await())",
                "Waits (Waits.java:36) waits for a time (Condition.await())",
                "Waits (Waits.java:40) waits for a time (Thread.join())",
                "Waits (Waits.java:50) busy-waits (Thread.onSpinWait()). Fix: let the event publication registry"
                        + " retry",
                "Waits (Waits.java:57) busy-waits (Thread.yield())");
    }

    @Test
    void passesACleanApplication() {
        Violations.assertNone(HygieneRules.noStandardStreams(), clean.classes());
        Violations.assertNone(HygieneRules.noSetterInjection(), clean.classes());
        Violations.assertNone(HygieneRules.noSleeping(clean), clean.classes());
        Violations.assertNone(HygieneRules.noStaticState(clean), clean.classes());
        Violations.assertNone(HygieneRules.noFieldInjection(), clean.classes());
        Violations.assertNone(HygieneRules.noSwallowedFailures(clean), clean.classes());
        Violations.assertNone(HygieneRules.internalTypesArePublicOnlyWhenUsedElsewhere(clean), clean.classes());
        Violations.assertNone(HygieneRules.noPackageCyclesInsideModules(clean), clean.classes());
    }
}
