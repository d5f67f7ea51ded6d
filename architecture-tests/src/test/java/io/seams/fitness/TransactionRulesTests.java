package io.seams.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.fitness.fixtures.clean.CleanApplication;
import io.seams.fitness.fixtures.transactions.TransactionsApplication;
import org.junit.jupiter.api.Test;

class TransactionRulesTests {

    static final ModularApplication violating = ModularApplication.of(TransactionsApplication.class);
    static final ModularApplication clean = ModularApplication.of(CleanApplication.class);
    static final String ALLOWED = "io.seams.fitness.fixtures.transactions.AllowedRead";
    static final String QUOTES = "io.seams.fitness.fixtures.transactions.ordering.application.Quotes.";
    static final String REORDERS = "io.seams.fitness.fixtures.transactions.ordering.application.Reorders.";
    static final String CHECKOUT = "io.seams.fitness.fixtures.transactions.ordering.application.Checkout.";
    static final String CALLBACKS = "io.seams.fitness.fixtures.transactions.ordering.application.CallbackCheckout.";
    static final String MANUAL = "io.seams.fitness.fixtures.transactions.ordering.application.ManualCheckout.";

    @Test
    void reportsCallsIntoAnotherModuleFromTransactionsHelpersLambdasTemplatesAndTheTransactionManager() {
        Violations.assertExactly(
                TransactionRules.noCallsToOtherModulesInTransactions(violating, ALLOWED),
                violating.classes(),
                CHECKOUT + "checkout(java.lang.String) calls Prices.priceOf inside a transaction (Checkout.java:22)",
                // The callback a transaction template runs, as a method reference and as an anonymous class.
                CALLBACKS
                        + "checkoutByReference() calls Prices.priceOf inside a transaction (CallbackCheckout.java:32)",
                CALLBACKS + "checkoutByCallback(java.lang.String) calls Prices.priceOf inside a transaction"
                        + " (CallbackCheckout.java:39)",
                CHECKOUT + "checkoutAll(java.util.List) calls Prices.priceOf inside a transaction (Checkout.java:27)",
                CHECKOUT + "on(java.lang.String) calls Prices.priceOf inside a transaction (Checkout.java:36)",
                CHECKOUT
                        + "checkoutInCode(java.util.List) calls Prices.priceOf inside a transaction (Checkout.java:52)",
                CHECKOUT
                        + "checkoutInCode(java.util.List) calls Prices.priceOf inside a transaction (Checkout.java:36)",
                QUOTES + "quote(java.lang.String) calls PriceBook.priceOf inside a transaction (Quotes.java:21)",
                QUOTES + "requote(java.lang.String) calls Prices.priceOf inside a transaction (Repricer.java:23),"
                        + " through Repricer.reprice. Fix: call it before the transaction starts",
                REORDERS + "reorder(java.lang.String) calls Prices.priceOf inside a transaction (Reorders.java:21)",
                REORDERS + "reorderNow(java.lang.String) calls Prices.priceOf inside a transaction (Reorders.java:27)",
                REORDERS + "reorderAll(java.util.List) calls Prices.priceOf inside a transaction (Reorders.java:33)",
                MANUAL
                        + "checkout(java.lang.String) calls Prices.priceOf inside a transaction (ManualCheckout.java:26)",
                "Repricing.reprice(java.lang.String) calls Prices.priceOf inside a transaction (Repricing.java:16)",
                "PlacementPricing.on(io.seams.fitness.fixtures.transactions.ordering.OrderPlaced) calls Prices.priceOf"
                        + " inside a transaction (PlacementPricing.java:21)",
                // Through a field the constructor assigned a method reference to pricing's API.
                "CartPricing.on(io.seams.fitness.fixtures.transactions.ordering.OrderPlaced) calls Prices.priceOf"
                        + " inside a transaction (CartPricing.java:20)",
                "QuickQuotes.quote(java.lang.String) calls Prices.priceOf inside a transaction (QuickQuotes.java:19)."
                        + " Fix: call it before the transaction starts or react to an event instead, or mark the method"
                        + " @AllowedRead with a reason (its @AllowedRead gives none, so it allows nothing)");
    }

    @Test
    void aValueOfAnotherModulesApiASameModuleBeanThatCallsNoOtherModuleAndASharedModuleAreNoCallsIntoOne() {
        assertThat(Violations.of(
                        TransactionRules.noCallsToOtherModulesInTransactions(violating, ALLOWED), violating.classes()))
                .noneMatch(violation -> violation.contains("PriceQuote")
                        || violation.contains("PriceWatch")
                        || violation.contains("normalize")
                        || violation.contains("Locks.lock"));
    }

    @Test
    void listsTheCallsItAllows() {
        assertThat(TransactionRules.allowedCallsInTransactions(violating, ALLOWED))
                .containsExactly(CHECKOUT + "quote(java.lang.String) -> Prices.priceOf");
    }

    @Test
    void passesACleanApplication() {
        Violations.assertNone(TransactionRules.noCallsToOtherModulesInTransactions(clean, ALLOWED), clean.classes());
    }
}
