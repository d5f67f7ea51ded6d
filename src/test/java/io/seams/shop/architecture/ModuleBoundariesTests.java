package io.seams.shop.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.NamedInterface;

/**
 * Workshop exercise 01 (docs/workshop/exercises/01-module-boundaries): a module uses another only
 * through what that one publishes, publishes its root package only, and keeps its internals
 * package-private.
 */
@Tag("ex-01")
class ModuleBoundariesTests {

    /** Spring Modulith's verification: only other modules' API packages, only declared dependencies. */
    @Test
    void modulesUseOnlyThePublishedApisOfOtherModules() {
        OneFitnessRule.check("module-apis");
    }

    /** No module is open (all of it API) and every one says which modules it may use. */
    @Test
    void modulesDeclareTheirDependencies() {
        OneFitnessRule.check("declared-dependencies");
    }

    /**
     * A business module's API is its root package: no named interface opens one of its inner
     * packages (web, domain, ...) to the others. Only the shared platform has named interfaces.
     */
    @Test
    void businessModulesPublishOnlyTheirRootPackage() {
        var application = OneFitnessRule.application();
        assertThat(application.modules().stream().filter(module -> !application.isShared(module)))
                .isNotEmpty()
                .allSatisfy(module -> assertThat(module.getNamedInterfaces().stream()
                                .filter(NamedInterface::isNamed)
                                .map(NamedInterface::getName))
                        .as("named interfaces of module %s", module.getIdentifier())
                        .isEmpty());
    }

    /** A type in one of a module's inner packages is public only when another package uses it. */
    @Test
    void internalTypesArePublicOnlyWhenAnotherPackageUsesThem() {
        OneFitnessRule.check("package-private-internals");
    }
}
