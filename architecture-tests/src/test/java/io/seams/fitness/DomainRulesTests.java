package io.seams.fitness;

import io.seams.fitness.fixtures.clean.CleanApplication;
import io.seams.fitness.fixtures.domain.DomainApplication;
import org.junit.jupiter.api.Test;

class DomainRulesTests {

    static final ModularApplication violating = ModularApplication.of(DomainApplication.class);
    static final ModularApplication clean = ModularApplication.of(CleanApplication.class);

    @Test
    void reportsAnAggregateHoldingAnotherAggregate() {
        Violations.assertExactly(
                DomainRules.dddBuildingBlocks(),
                violating.classes(),
                "Field i.s.f.f.d.s.d.Cart.customer refers to an aggregate root (i.s.f.f.d.s.d.Customer)");
    }

    @Test
    void reportsTheDomainRingUsingTheInfrastructureRing() {
        Violations.assertExactly(
                DomainRules.onionInsideModules(),
                violating.classes(),
                "Method <io.seams.fitness.fixtures.domain.shop.domain.Cart.render(io.seams.fitness.fixtures.domain.shop.web"
                        + ".CartController)> has parameter of type <io.seams.fitness.fixtures.domain.shop.web.CartController>");
    }

    @Test
    void passesACleanApplication() {
        Violations.assertNone(DomainRules.dddBuildingBlocks(), clean.classes());
        Violations.assertNone(DomainRules.onionInsideModules(), clean.classes());
    }
}
