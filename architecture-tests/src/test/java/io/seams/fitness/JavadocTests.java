package io.seams.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pack is a library: its Javadoc builds (a javadoc jar for a repository needs it), with
 * doclint's checks of HTML, references, syntax and accessibility; undocumented parameters aside.
 */
class JavadocTests {

    @Test
    void theLibrarysJavadocBuildsWithoutAWarning(@TempDir Path output) throws Exception {
        var sources = Path.of("src", "main", "java", "io", "seams", "fitness");
        if (!Files.isDirectory(sources)) {
            // Run from Seams' own build, which compiles the pack from architecture-tests/.
            sources = Path.of("architecture-tests").resolve(sources);
        }
        List<String> files;
        try (Stream<Path> listed = Files.list(sources)) {
            files = listed.map(Path::toString)
                    .filter(name -> name.endsWith(".java"))
                    .sorted()
                    .toList();
        }
        var arguments = new ArrayList<>(List.of(
                "-quiet",
                "-Xdoclint:all,-missing",
                "-d",
                output.toString(),
                "-cp",
                System.getProperty("java.class.path")));
        arguments.addAll(files);
        var messages = new ByteArrayOutputStream();

        var exit = ToolProvider.getSystemDocumentationTool()
                .run(null, messages, messages, arguments.toArray(String[]::new));

        assertThat(files).isNotEmpty();
        assertThat(messages.toString(StandardCharsets.UTF_8))
                .as("javadoc's errors and warnings")
                .doesNotContain("error", "warning");
        assertThat(exit).as("javadoc's exit status").isZero();
    }
}
