package io.seams.shop.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.fitness.ExtractabilityRules;
import io.seams.shop.SeamsApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.docs.Documenter;

/** Seams' modules: bounded, declared, free of synchronous cycles, and documented. */
class ModuleStructureTests {

    static final ExtractabilityRules rules = ExtractabilityRules.of(SeamsApplication.class);

    @Test
    void seamsConsistsOfTheShopsModules() {
        assertThat(rules.modules().stream().map(module -> module.getIdentifier().toString()))
                .containsExactlyInAnyOrder("catalog", "inventory", "orders", "platform");
    }

    @Test
    void modulesUseOnlyTheApisOfTheirDeclaredDependencies() {
        rules.modulesUseOnlyApisOfDeclaredDependencies().check(rules.classes());
    }

    @Test
    void everyModuleDeclaresItsAllowedDependencies() {
        rules.modulesDeclareTheirDependencies().check(rules.classes());
    }

    @Test
    void modulesHaveNoSynchronousCycles() {
        rules.modulesHaveNoSynchronousCycles().check(rules.classes());
    }

    @Test
    void moduleDiagramsAndCanvasesAreWrittenToTheDocs() throws Exception {
        var folder = Path.of("docs", "architecture", "generated");

        new Documenter(rules.modules(), Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeDocumentation();

        assertThat(folder.resolve("components.puml")).exists();
        assertThat(folder.resolve("module-orders.puml")).exists();
        assertThat(Files.readString(folder.resolve("module-orders.adoc"))).contains("OrderPlaced");
    }
}
