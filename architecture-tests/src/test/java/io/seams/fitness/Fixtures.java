package io.seams.fitness;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the fixtures' files are: the tests run from architecture-tests/ alone, or from Seams' root. */
final class Fixtures {

    private static final Path HOME = Files.isDirectory(Path.of("architecture-tests", "src", "test"))
            ? Path.of("architecture-tests")
            : Path.of("");

    private Fixtures() {}

    /** A path below architecture-tests/, such as {@code src/test/sql/clean}. */
    static Path path(String relative) {
        return HOME.resolve(relative);
    }
}
