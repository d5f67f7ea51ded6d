package io.seams.shop.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.fitness.ModularApplication;
import io.seams.fitness.ModuleDiagram;
import io.seams.shop.SeamsApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.docs.Documenter;

/** Writes the module diagrams (PlantUML, Mermaid) and canvases of docs/architecture/generated/ from the code. */
class ArchitectureDocumentationTests {

    @Test
    void moduleDiagramsAndCanvasesAreWrittenToTheDocs() throws Exception {
        var seams = ModularApplication.of(SeamsApplication.class);
        var folder = Path.of("docs", "architecture", "generated");

        new Documenter(seams.modules(), Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeDocumentation();

        Files.writeString(folder.resolve("modules.md"), ModuleDiagram.markdown(seams, "Seams modules"));

        assertThat(folder.resolve("components.puml")).exists();
        assertThat(Files.readString(folder.resolve("modules.md"))).contains("orders --> catalog");
        assertThat(Files.readString(folder.resolve("module-orders.adoc"))).contains("OrderPlaced");
    }
}
