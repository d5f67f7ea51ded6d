package io.seams.shop.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.fitness.ModularApplication;
import io.seams.fitness.ModuleDiagram;
import io.seams.shop.SeamsApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.docs.Documenter;

/** Writes the module diagrams (PlantUML, Mermaid) and canvases of docs/architecture/generated/ from the code. */
class ArchitectureDocumentationTests {

    @Test
    void moduleDiagramsAndCanvasesAreWrittenToTheDocs() throws Exception {
        var seams = ModularApplication.of(SeamsApplication.class);
        var folder = Path.of("docs", "architecture", "generated");
        var written = Files.createTempDirectory("seams-documenter");

        new Documenter(seams.modules(), Documenter.Options.defaults().withOutputFolder(written.toString()))
                .writeDocumentation();
        Files.writeString(written.resolve("modules.md"), ModuleDiagram.markdown(seams, "Seams modules"));
        if (javadocMetadataCovers(seams)) {
            updateChanged(written, folder);
        }

        assertThat(folder.resolve("components.puml")).exists();
        assertThat(Files.readString(folder.resolve("modules.md"))).contains("orders --> catalog");
        assertThat(Files.readString(folder.resolve("module-orders.adoc"))).contains("OrderPlaced");
    }

    /**
     * Whether the Javadoc metadata the compiler wrote (Spring Modulith's annotation processor, read by
     * the Documenter for the descriptions) covers every module. An incremental compile writes it only
     * for the classes it compiled: a run after one must leave the committed docs alone rather than
     * rewrite them with their descriptions missing.
     */
    private static boolean javadocMetadataCovers(ModularApplication seams) throws IOException {
        var metadata = Path.of("target", "generated-spring-modulith", "javadoc.json");
        if (!Files.isRegularFile(metadata)) {
            return false;
        }
        var text = Files.readString(metadata);
        return seams.modules().stream()
                .allMatch(module -> text.contains("\"" + module.getBasePackage().getName() + "."));
    }

    /**
     * Copies what says something new. The Documenter lists events and listeners in reflection
     * order, which varies between runs: a file holding the same lines in another order is left
     * alone, so a build does not rewrite the committed docs for nothing.
     */
    private static void updateChanged(Path written, Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(written)) {
            for (var file : files.toList()) {
                var target = folder.resolve(file.getFileName().toString());
                if (!Files.exists(target) || !sortedLines(target).equals(sortedLines(file))) {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static List<String> sortedLines(Path file) throws IOException {
        // A table cell's first item starts with "|"; which item comes first varies, so it is ignored.
        return Files.readAllLines(file).stream()
                .map(line -> line.startsWith("|* ") ? line.substring(1) : line)
                .sorted()
                .toList();
    }
}
