package io.seams.fitness;

import io.seams.fitness.fixtures.anatomy.AnatomyApplication;
import io.seams.fitness.fixtures.clean.CleanApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AnatomyRulesTests {

    static final Path SOURCES = Fixtures.path("src/test/java");
    static final ModularApplication violating =
            ModularApplication.of(AnatomyApplication.class).withSources(SOURCES, SOURCES);
    static final ModularApplication clean =
            ModularApplication.of(CleanApplication.class).withSources(SOURCES, SOURCES);

    static final String SHOP = "io.seams.fitness.fixtures.anatomy.shop.";

    @Test
    void reportsAControllerReadingARepository() {
        Violations.assertExactly(
                AnatomyRules.webReachesTheDomainThroughTheApplication(violating),
                violating.classes(),
                SHOP + "web.CartController (CartController.java) reads the repository CartRepository directly. Fix:"
                        + " call a use case",
                SHOP + "web.CartStatsController (CartStatsController.java) uses javax.sql.DataSource: it queries the"
                        + " database from the web layer. Fix: call a use case",
                SHOP + "web.CartStatsController (CartStatsController.java) answers with Cart, a domain aggregate or"
                        + " entity, from cart(). Fix: map it to a response record of the web layer",
                SHOP + "web.CartSummaryController (CartSummaryController.java) uses CartQueries of the persistence"
                        + " layer, past the application layer. Fix: call a use case of the application layer");
    }

    @Test
    void reportsALayerUsingTheWebLayer() {
        Violations.assertExactly(
                AnatomyRules.nothingDependsOnTheWebLayer(violating),
                violating.classes(),
                SHOP
                        + "persistence.CartQueries (CartQueries.java:9) in the persistence layer uses CartSummary of the web"
                        + " layer. Fix: return a type of the application layer or the domain");
    }

    @Test
    void reportsHttpInTheApplicationLayer() {
        Violations.assertExactly(
                AnatomyRules.applicationKnowsNoHttp(violating),
                violating.classes(),
                SHOP + "application.FindCart (FindCart.java:19) uses org.springframework.http.HttpStatus, an HTTP type,"
                        + " in the application layer. Fix: return an outcome and let the web layer map it to HTTP",
                SHOP
                        + "application.FindCart (FindCart.java:19) uses org.springframework.web.server.ResponseStatusException");
    }

    @Test
    void reportsATransactionOpenedInTheWebLayer() {
        Violations.assertExactly(
                AnatomyRules.webOpensNoTransaction(violating),
                violating.classes(),
                SHOP + "web.CheckoutController (CheckoutController.java) opens a transaction in the web layer"
                        + " (@Transactional on checkout()). Fix: annotate the use case it calls instead",
                SHOP + "web.RefundController (RefundController.java) opens a transaction in the web layer (through a"
                        + " TransactionTemplate). Fix: annotate the use case it calls instead",
                // Through an annotation of the team's own, meta-annotated @Transactional(readOnly = true).
                SHOP + "web.OrderHistoryController (OrderHistoryController.java) opens a transaction in the web layer"
                        + " (@Transactional on history())",
                SHOP + "web.ReadingController (ReadingController.java) opens a transaction in the web layer"
                        + " (@Transactional on the class)",
                // Inherited from its base class.
                SHOP + "web.ReceiptController (ReceiptController.java) opens a transaction in the web layer"
                        + " (@Transactional on the class, through ReadingController)");
    }

    @Test
    void reportsAControllerOutsideTheWebLayer() {
        Violations.assertExactly(
                AnatomyRules.controllersAreInTheWebLayer(violating),
                violating.classes(),
                SHOP + "admin.CartAdmin (CartAdmin.java) is a controller outside the module's web package. Fix: move it"
                        + " to io.seams.fitness.fixtures.anatomy.shop.web",
                SHOP + "config.CartRoutes (CartRoutes.java) declares the bean cartRoutes(), a RouterFunction: HTTP"
                        + " endpoints outside the module's web package. Fix: move it to"
                        + " io.seams.fitness.fixtures.anatomy.shop.web",
                SHOP + "admin.CartPurge (CartPurge.java:13) builds routes with RouterFunctions: HTTP endpoints outside"
                        + " the module's web package. Fix: move them to io.seams.fitness.fixtures.anatomy.shop.web");
    }

    @Test
    void reportsAGrabBagService() {
        Violations.assertExactly(
                AnatomyRules.useCasesAreNamedAfterWhatTheyDo(violating),
                violating.classes(),
                SHOP + "application.CartService (CartService.java) is a *Service, a grab-bag of jobs. Fix: one use"
                        + " case per class");
    }

    @Test
    void reportsAListenerThatOffersUseCases() {
        Violations.assertExactly(
                AnatomyRules.listenersAreSeparateFromUseCases(violating),
                violating.classes(),
                SHOP + "application.CartService (CartService.java) listens to events and offers use cases (checkout)."
                        + " Fix: move the use cases into classes of their own");
    }

    @Test
    void reportsARepositoryNamedRepository() {
        Violations.assertExactly(
                AnatomyRules.repositoriesAreNamedAfterWhatTheyHold(violating),
                violating.classes(),
                SHOP + "domain.CartRepository (CartRepository.java) is a repository named *Repository. Fix: name it"
                        + " after what it holds",
                // A Spring @Repository counts as much as a jMolecules one.
                SHOP + "persistence.RefundDao (RefundDao.java) is a repository named *Dao");
    }

    @Test
    void reportsAModuleRootWithoutJavadoc() {
        Violations.assertExactly(
                AnatomyRules.moduleApisAreDocumentedAtTheirRoot(violating),
                violating.classes(),
                "module 'shop' has no Javadoc on its root package");
    }

    @Test
    void reportsTheWebOrTheDomainCallingAnotherModule() {
        Violations.assertExactly(
                AnatomyRules.otherModulesAreCalledFromTheApplicationLayer(violating),
                violating.classes(),
                "io.seams.fitness.fixtures.anatomy.shop.domain.Refund (Refund.java:17) in the domain layer uses"
                        + " io.seams.fitness.fixtures.anatomy.billing.Invoices, a service of module 'billing'. Fix:"
                        + " call it from a use case in the application layer",
                "io.seams.fitness.fixtures.anatomy.shop.web.OwedController (OwedController.java:",
                // Any layer but the application layer: here, persistence.
                "io.seams.fitness.fixtures.anatomy.shop.persistence.OwedAmounts (OwedAmounts.java:16) in the"
                        + " persistence layer uses io.seams.fitness.fixtures.anatomy.billing.Invoices");
    }

    @Test
    void passesACleanApplication() {
        Violations.assertNone(AnatomyRules.otherModulesAreCalledFromTheApplicationLayer(clean), clean.classes());
        Violations.assertNone(AnatomyRules.webReachesTheDomainThroughTheApplication(clean), clean.classes());
        Violations.assertNone(AnatomyRules.applicationKnowsNoHttp(clean), clean.classes());
        Violations.assertNone(AnatomyRules.webOpensNoTransaction(clean), clean.classes());
        Violations.assertNone(AnatomyRules.controllersAreInTheWebLayer(clean), clean.classes());
        Violations.assertNone(AnatomyRules.useCasesAreNamedAfterWhatTheyDo(clean), clean.classes());
        Violations.assertNone(AnatomyRules.listenersAreSeparateFromUseCases(clean), clean.classes());
        Violations.assertNone(AnatomyRules.repositoriesAreNamedAfterWhatTheyHold(clean), clean.classes());
        Violations.assertNone(AnatomyRules.moduleApisAreDocumentedAtTheirRoot(clean), clean.classes());
    }
}
