package io.seams.shop.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import io.seams.fitness.Fitness;
import io.seams.fitness.TransactionRules;
import io.seams.shop.SeamsApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The saga's seams, one rule per test, so that the workshop's exercises can check them one at a
 * time. Two are rules of the pack, with Seams' settings (src/test/resources/fitness.properties),
 * which {@link SeamsFitnessTests} also runs among all the others; one is Seams' own.
 */
class SagaSeamsTests {

    static final Fitness SEAMS = Fitness.of(SeamsApplication.class);

    /** Rule 7: a call that becomes remote must not hold a transaction open. */
    @Test
    @Tag("ex-03")
    void noModuleCallsAnotherModuleInsideATransaction() {
        var settings = SEAMS.settings();
        TransactionRules.noCallsToOtherModulesInTransactions(
                        SEAMS.application(),
                        settings.allowedInTransaction().orElse(""),
                        settings.transactionAnnotations())
                .check(SEAMS.application().classes());
    }

    /**
     * The order orchestrates the saga (ADR 0008): the other modules know orders only by its events
     * and the ids they carry (records), never by a bean or an interface to call.
     */
    @Test
    @Tag("ex-03")
    void theOtherModulesTellOrdersWhatHappenedByEventsOnly() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.seams.shop.orders..")
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "belong to orders and are not one of its events or ids (records)",
                        (JavaClass type) -> isInOrders(type) && !type.isRecord()))
                .because("the order learns what inventory, payments and shipping did from their events,"
                        + " so none of them waits on orders or breaks with it")
                .check(SEAMS.application().classes());
    }

    /**
     * Rule 7: a listener to another module's event runs after the publisher's transaction, on its
     * own (exercise 03 keeps it too: a plain listener would also move the order, the wrong way).
     */
    @Test
    @Tag("ex-03")
    @Tag("ex-07")
    void listenersToOtherModulesEventsRunAfterThePublishersTransaction() {
        TransactionRules.listenersToOtherModulesAreAsynchronous(SEAMS.application())
                .check(SEAMS.application().classes());
    }

    private static boolean isInOrders(JavaClass type) {
        var name = type.getPackageName();
        return name.equals("io.seams.shop.orders") || name.startsWith("io.seams.shop.orders.");
    }
}
