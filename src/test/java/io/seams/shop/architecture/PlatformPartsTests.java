package io.seams.shop.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.seams.fitness.ModularApplication;
import io.seams.shop.SeamsApplication;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PlatformParts on Seams, and on seeded fixtures that break each rule. */
class PlatformPartsTests {

    static final String KERNEL_FIXTURE = "io.seams.shop.platform.kernel.KernelReachingOutFixture";
    static final String DISTRIBUTION_FIXTURE = "io.seams.shop.platform.distribution.DistributionUsingAdaptersFixture";

    @Test
    void seamsPlatformPointsOneWay() {
        var seams = ModularApplication.of(SeamsApplication.class).classes();
        PlatformParts.all().forEach(rule -> rule.check(seams));
    }

    @Test
    void reportsDevOnlyCodeUsedElsewhere() {
        assertThat(violations(PlatformParts.devOnlyCodeIsUsedOnlyByItself()))
                .anyMatch(line -> line.contains(KERNEL_FIXTURE) && line.contains("DevOnlyFixture"))
                .noneMatch(line -> line.contains(DISTRIBUTION_FIXTURE));
    }

    @Test
    void reportsAKernelThatUsesAnotherPart() {
        assertThat(violations(PlatformParts.theKernelUsesNoOtherPart()))
                .anyMatch(line -> line.contains(KERNEL_FIXTURE) && line.contains("Problems"))
                .anyMatch(line -> line.contains(KERNEL_FIXTURE) && line.contains("DevOnlyFixture"));
    }

    @Test
    void reportsDistributionUsingAnAdapter() {
        assertThat(violations(PlatformParts.distributionUsesNoAdapterNorEvents()))
                .singleElement()
                .satisfies(line -> assertThat(line).contains(DISTRIBUTION_FIXTURE, "Problems"));
    }

    @Test
    void theFailureSaysWhyAndHowToFix() {
        var rule = PlatformParts.devOnlyCodeIsUsedOnlyByItself();
        assertThat(rule.evaluate(fixtures()).getFailureReport().toString())
                .contains("all off in prod", "Fix: depend on a port or property");
    }

    private static List<String> violations(ArchRule rule) {
        return rule.evaluate(fixtures()).getFailureReport().getDetails();
    }

    private static com.tngtech.archunit.core.domain.JavaClasses fixtures() {
        return new ClassFileImporter()
                .importPackages(
                        "io.seams.shop.platform.kernel",
                        "io.seams.shop.platform.distribution",
                        "io.seams.shop.platform.dev");
    }
}
