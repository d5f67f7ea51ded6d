package io.seams.fitness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds schema-qualified names ({@code schema.table}) in Java string literals and SQL files. */
final class SqlText {

    /**
     * A reference to an object of schema {@code schema}.
     *
     * @param file the file it is in
     * @param line the line it is on, from 1
     * @param schema the schema it names
     * @param text the qualified name as written
     */
    record Reference(Path file, int line, String schema, String text) {}

    private static final Pattern QUALIFIED =
            Pattern.compile("(?<![\\w.])\"?([a-z_][a-z0-9_]*)\"?\\.\"?([a-z_][a-z0-9_]*)");

    private SqlText() {}

    /** Qualified names inside string literals and text blocks of the Java files below {@code root}. */
    static List<Reference> inJavaStrings(Path root, List<String> schemas) {
        var references = new ArrayList<Reference>();
        javaFiles(root).forEach(file -> {
            var source = read(file);
            forEachStringLiteral(source, (text, line) -> find(file, line, text, schemas, references));
        });
        return references;
    }

    /** Qualified names in an SQL file, comments left out. */
    static List<Reference> inSql(Path file, List<String> schemas) {
        var references = new ArrayList<Reference>();
        var lines = read(file).split("\n", -1);
        boolean inBlockComment = false;
        for (int i = 0; i < lines.length; i++) {
            var line = lines[i];
            if (inBlockComment) {
                var end = line.indexOf("*/");
                if (end < 0) {
                    continue;
                }
                line = line.substring(end + 2);
                inBlockComment = false;
            }
            var block = line.indexOf("/*");
            if (block >= 0) {
                inBlockComment = !line.substring(block).contains("*/");
                line = line.substring(0, block);
            }
            var comment = line.indexOf("--");
            find(file, i + 1, comment >= 0 ? line.substring(0, comment) : line, schemas, references);
        }
        return references;
    }

    static List<Path> javaFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void find(Path file, int line, String text, List<String> schemas, List<Reference> into) {
        var matcher = QUALIFIED.matcher(text.toLowerCase());
        while (matcher.find()) {
            if (schemas.contains(matcher.group(1))) {
                into.add(new Reference(
                        file, line, matcher.group(1), matcher.group().replace("\"", "")));
            }
        }
    }

    /** Calls back with every string literal's text and the line it starts on; skips comments and chars. */
    private static void forEachStringLiteral(String source, java.util.function.BiConsumer<String, Integer> action) {
        int line = 1;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                var end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                line += count(source, i, end);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                var end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end;
                action.accept(source.substring(i + 3, end), line);
                line += count(source, i, end);
                i = Math.min(end + 3, source.length());
            } else if (c == '"') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != '"' && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                action.accept(source.substring(i + 1, Math.min(end, source.length())), line);
                i = end + 1;
            } else if (c == '\'') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != '\'') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                i = end + 1;
            } else {
                i++;
            }
        }
    }

    private static int count(String source, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (source.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
