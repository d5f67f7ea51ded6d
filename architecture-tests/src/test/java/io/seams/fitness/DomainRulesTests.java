package io.seams.fitness;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(Violations.of(DomainRules.onionInsideModules(), violating.classes()))
                .allMatch(finding -> finding.contains("Fix: depend inwards only"));
    }

    @Test
    void reportsFrameworkTypesInTheDomain() {
        Violations.assertExactly(
                DomainRules.domainKnowsNoFramework(violating),
                violating.classes(),
                "io.seams.fitness.fixtures.domain.shop.domain.CartRows (CartRows.java) uses"
                        + " com.fasterxml.jackson.annotation.JsonIgnore, a framework type, in the domain. Fix: keep"
                        + " it in the application, web or persistence layer",
                "io.seams.fitness.fixtures.domain.shop.domain.CartRows (CartRows.java:13) uses"
                        + " org.springframework.jdbc.core.JdbcTemplate, a framework type, in the domain",
                "io.seams.fitness.fixtures.domain.shop.Discount (Discount.java:11) uses"
                        + " org.springframework.http.HttpStatus, a framework type, in the domain",
                "io.seams.fitness.fixtures.domain.shop.domain.CartPolicy (CartPolicy.java:17) uses"
                        + " org.springframework.context.ApplicationEventPublisher, a framework type, in the domain",
                "io.seams.fitness.fixtures.domain.shop.domain.CartPolicy (CartPolicy.java) uses"
                        + " org.springframework.transaction.annotation.Transactional, a framework type, in the domain",
                // The annotation's member types (Isolation, Propagation) come with it: one finding.
                "io.seams.fitness.fixtures.domain.shop.domain.CartLimits (CartLimits.java) uses"
                        + " org.springframework.stereotype.Component, a framework type, in the domain",
                // Any Spring type, not only web, data and transactions; nullness annotations are none.
                "io.seams.fitness.fixtures.domain.shop.domain.CartDiscounts (CartDiscounts.java) uses"
                        + " org.springframework.cache.annotation.Cacheable, a framework type, in the domain",
                // A database driver's type; java.sql's exception is JDBC too.
                "io.seams.fitness.fixtures.domain.shop.domain.CartSnapshot (CartSnapshot.java:10) uses"
                        + " org.postgresql.util.PGobject, a framework type, in the domain",
                "io.seams.fitness.fixtures.domain.shop.domain.CartSnapshot (CartSnapshot.java) uses"
                        + " java.sql.SQLException, a framework type, in the domain",
                // Files read and opened by the domain itself.
                "io.seams.fitness.fixtures.domain.shop.domain.CartPrices (CartPrices.java:12) uses"
                        + " java.nio.file.Files, a framework type, in the domain",
                "io.seams.fitness.fixtures.domain.shop.domain.CartPrices (CartPrices.java:16) uses java.io.FileReader");
    }

    @Test
    void passesACleanApplication() {
        Violations.assertNone(DomainRules.domainKnowsNoFramework(clean), clean.classes());
        Violations.assertNone(DomainRules.dddBuildingBlocks(), clean.classes());
        Violations.assertNone(DomainRules.onionInsideModules(), clean.classes());
    }
}
