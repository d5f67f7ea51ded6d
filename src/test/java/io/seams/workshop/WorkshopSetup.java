package io.seams.workshop;

import io.seams.shop.testing.TestDatabases;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The {@link ExerciseVerifier.Setup} of this build: its classes, its test class path, one shared PostgreSQL. */
final class WorkshopSetup {

    static final Path ROOT = Path.of("").toAbsolutePath();

    private WorkshopSetup() {}

    static ExerciseVerifier.Setup ofThisBuild(Duration timeout) {
        var classes = ROOT.resolve("target/classes");
        var testClasses = ROOT.resolve("target/test-classes");
        var classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        var dependencies = Stream.of(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath())
                .filter(entry -> !entry.equals(classes) && !entry.equals(testClasses))
                .filter(entry -> !entry.startsWith(ROOT.resolve("target"))
                        || !entry.toString().endsWith(".jar"))
                .filter(entry -> !entry.getFileName().toString().startsWith("surefire"))
                .filter(Files::exists)
                .toList();
        var database = TestDatabases.server();
        return new ExerciseVerifier.Setup(
                ROOT,
                classes,
                testClasses,
                dependencies,
                Map.of(
                        "SEAMS_TEST_DATABASE_URL", database.url(),
                        "SEAMS_TEST_DATABASE_USERNAME", database.username(),
                        "SEAMS_TEST_DATABASE_PASSWORD", database.password()),
                timeout);
    }

    static List<Workshop.Exercise> exercises() {
        return Workshop.Exercise.all(ROOT);
    }
}
