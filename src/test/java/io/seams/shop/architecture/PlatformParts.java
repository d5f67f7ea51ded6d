package io.seams.shop.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * Rules of Seams' own on its platform (docs/README.md, ADR 0015): its parts point one way, and what
 * exists only where configuration asks (the dev part, the payment simulator) is used by nothing
 * that also runs in production.
 */
final class PlatformParts {

    static final String PLATFORM = "io.seams.shop.platform.";

    private PlatformParts() {}

    static List<ArchRule> all() {
        return List.of(
                devOnlyCodeIsUsedOnlyByItself(), theKernelUsesNoOtherPart(), distributionUsesNoAdapterNorEvents());
    }

    /** platform.dev and the payment simulator: only they use themselves. */
    static ArchRule devOnlyCodeIsUsedOnlyByItself() {
        return noClasses()
                .that()
                .resideOutsideOfPackages(PLATFORM + "dev..", "io.seams.shop.payments.gateway.simulator..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(PLATFORM + "dev..", "io.seams.shop.payments.gateway.simulator..")
                .because("dev-only code exists only where configuration asks for it (all off in prod). Fix: depend"
                        + " on a port or property the dev code fills, never on the dev code itself");
    }

    /** The kernel (value types every module may use) depends on no other part of the platform. */
    static ArchRule theKernelUsesNoOtherPart() {
        return noClasses()
                .that()
                .resideInAPackage(PLATFORM + "kernel..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        PLATFORM + "adapters..", PLATFORM + "distribution..", PLATFORM + "events..", PLATFORM + "dev..")
                .because("every module may use the kernel, so it must bring nothing else with it. Fix: move the"
                        + " code that needs the other part out of the kernel");
    }

    /** What lets modules run apart uses no adapter and no in-process event machinery. */
    static ArchRule distributionUsesNoAdapterNorEvents() {
        return noClasses()
                .that()
                .resideInAPackage(PLATFORM + "distribution..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(PLATFORM + "adapters..", PLATFORM + "events..", PLATFORM + "dev..")
                .because("the parts point one way: adapters and events use distribution, not the other way round."
                        + " Fix: move the shared piece into distribution.topology or the kernel");
    }
}
