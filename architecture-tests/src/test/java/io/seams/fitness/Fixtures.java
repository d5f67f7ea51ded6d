package io.seams.fitness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

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

    /**
     * What the action gives while the JVM's default locale is Turkish, where the lower case of
     * {@code I} is a dotless {@code ı}: text the pack reads or writes must not change with it.
     */
    static <T> T inTurkish(Supplier<T> action) {
        var before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            return action.get();
        } finally {
            Locale.setDefault(before);
        }
    }
}
