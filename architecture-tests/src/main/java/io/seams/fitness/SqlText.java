package io.seams.fitness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds schema-qualified names ({@code schema.table}) in SQL: in SQL files, and in the Java string
 * literals that are SQL. A literal is SQL when it reads like a statement ({@code SELECT ... FROM},
 * {@code INSERT INTO}, {@code UPDATE x SET}, {@code DELETE FROM}, {@code CREATE/ALTER/DROP TABLE},
 * {@code REFERENCES x.y}, ...), when the literals of its Java statement together do (SQL split over
 * concatenated literals), or when the statement hands it to a query API ({@code @Query},
 * {@code JdbcClient.sql}, {@code JdbcTemplate.query/update/execute}, {@code createNativeQuery},
 * {@code prepareStatement}). Other dotted strings (routing keys such as {@code "orders.new"},
 * property names, log messages, message keys) are not SQL and do not count.
 */
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

    private static final Pattern SQL_STATEMENT = Pattern.compile(
            "\\bselect\\b[\\s\\S]*\\bfrom\\b"
                    + "|\\binsert\\s+into\\b"
                    + "|\\bupdate\\s+\\S+\\s+set\\b"
                    + "|\\bdelete\\s+from\\b"
                    + "|\\bmerge\\s+into\\b"
                    + "|\\btruncate\\s+(table\\s+)?\\S+\\.\\S"
                    + "|\\b(create|alter|drop|comment\\s+on)\\s+(or\\s+replace\\s+)?(unique\\s+)?(table|view"
                    + "|materialized\\s+view|index|sequence|function|procedure|trigger|type|schema)\\b"
                    + "|\\breferences\\s+\"?[a-z_][a-z0-9_]*\"?\\.",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern QUERY_CALL =
            Pattern.compile("(@\\w*Query|\\.sql|\\.query\\w*|\\.update|\\.batchUpdate|\\.execute|create\\w*Query"
                    + "|prepare(Statement|Call))\\s*\\(");

    /** A string literal: its text, the line it starts on and where it is in the source. */
    private record Literal(String text, int line, int start, int end) {}

    private static final Pattern EXPECTED_FAILURE =
            Pattern.compile("(assertThatThrownBy|assertThrows|assertThatExceptionOfType|isThrownBy)\\s*\\(");

    /** Qualified names inside the string literals and text blocks of the Java files below {@code root} that are SQL. */
    static List<Reference> inJavaStrings(Path root, List<String> schemas) {
        return inJavaStrings(root, schemas, false);
    }

    /**
     * The same, leaving out the SQL of statements that expect it to fail ({@code
     * assertThatThrownBy(() -> jdbc.sql("SELECT ... FROM other.table")...)}): in a test, such SQL
     * proves the module cannot read another's tables.
     */
    static List<Reference> inJavaStringsExpectedToWork(Path root, List<String> schemas) {
        return inJavaStrings(root, schemas, true);
    }

    private static List<Reference> inJavaStrings(Path root, List<String> schemas, boolean skipExpectedFailures) {
        var references = new ArrayList<Reference>();
        javaFiles(root).forEach(file -> {
            var source = read(file);
            var literals = new ArrayList<Literal>();
            forEachStringLiteral(source, literals::add);
            var code = blanked(source, literals);
            var statements = new java.util.HashMap<Integer, List<Literal>>();
            for (var literal : literals) {
                statements
                        .computeIfAbsent(statementStart(code, literal.start()), start -> new ArrayList<>())
                        .add(literal);
            }
            statements.forEach((start, inStatement) -> {
                var end = statementEnd(
                        code, inStatement.get(inStatement.size() - 1).end());
                var sql = QUERY_CALL.matcher(code.substring(start, end)).find()
                        || isSql(inStatement.stream()
                                .map(Literal::text)
                                .collect(java.util.stream.Collectors.joining(" ")));
                if (sql
                        && !(skipExpectedFailures
                                && EXPECTED_FAILURE
                                        .matcher(code.substring(start, end))
                                        .find())) {
                    inStatement.forEach(literal -> find(file, literal.line(), literal.text(), schemas, references));
                }
            });
        });
        references.sort(java.util.Comparator.comparing(
                        (Reference reference) -> reference.file().toString())
                .thenComparingInt(Reference::line));
        return references;
    }

    /** Whether a string reads like an SQL statement. */
    static boolean isSql(String text) {
        return SQL_STATEMENT.matcher(text).find();
    }

    /** The source with every string literal's text blanked out, so that code can be searched safely. */
    private static String blanked(String source, List<Literal> literals) {
        var code = new StringBuilder(source);
        for (var literal : literals) {
            for (int i = literal.start(); i < literal.end() && i < code.length(); i++) {
                if (code.charAt(i) != '\n') {
                    code.setCharAt(i, ' ');
                }
            }
        }
        return code.toString();
    }

    /** Where the Java statement holding position {@code at} starts: after the last {@code ;}, brace. */
    private static int statementStart(String code, int at) {
        for (int i = at - 1; i >= 0; i--) {
            var c = code.charAt(i);
            if (c == ';' || c == '{' || c == '}') {
                return i + 1;
            }
        }
        return 0;
    }

    private static int statementEnd(String code, int at) {
        for (int i = at; i < code.length(); i++) {
            var c = code.charAt(i);
            if (c == ';' || c == '{' || c == '}') {
                return i;
            }
        }
        return code.length();
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
    private static void forEachStringLiteral(String source, java.util.function.Consumer<Literal> action) {
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
                action.accept(new Literal(source.substring(i + 3, end), line, i, Math.min(end + 3, source.length())));
                line += count(source, i, end);
                i = Math.min(end + 3, source.length());
            } else if (c == '"') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != '"' && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                action.accept(new Literal(
                        source.substring(i + 1, Math.min(end, source.length())),
                        line,
                        i,
                        Math.min(end + 1, source.length())));
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
