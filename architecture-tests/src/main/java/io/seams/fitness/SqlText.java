package io.seams.fitness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

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
                    + "|\\breferences\\s+\"?[a-z_][a-z0-9_]*\"?\\."
                    // SELECT nextval('billing.invoice_number'), SELECT 'billing.invoice'::regclass
                    + "|\\b(nextval|currval|setval|to_reg[a-z]+)\\s*\\(\\s*'|'\\s*::\\s*reg[a-z]+\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern QUERY_CALL =
            Pattern.compile("(@\\w*Query|\\.sql|\\.query\\w*|\\.update|\\.batchUpdate|\\.execute|create\\w*Query"
                    + "|prepare(Statement|Call))\\s*\\(");

    /**
     * A statement that makes a message, not SQL: it logs or builds an exception ({@code throw new
     * IllegalStateException("Delete from orders.OrderCancelled ignored: ...")}). Its literals count
     * as SQL only when it also hands them to a query call.
     */
    private static final Pattern MESSAGE = Pattern.compile(
            "\\b(?:log|logger|LOG|LOGGER)\\s*\\.\\s*(?:trace|debug|info|warn|error|atDebug|atInfo|atWarn|atError)\\s*\\("
                    + "|\\bnew\\s+[\\w.]*(?:Exception|Error|Failure|Problem)\\s*\\(");

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
        forEachSqlStatement(
                root,
                skipExpectedFailures,
                (file, inStatement) -> inStatement.forEach(
                        literal -> find(file, literal.line(), literal.text(), schemas, references)));
        references.sort(java.util.Comparator.comparing(
                        (Reference reference) -> reference.file().toString())
                .thenComparingInt(Reference::line));
        return references;
    }

    /**
     * Qualified names inside compiled string constants that are SQL ({@link CompiledStrings}),
     * reported against the source {@code file} without a line: the class file keeps none for them.
     */
    static List<Reference> inCompiledStrings(Path file, List<String> constants, List<String> schemas) {
        var references = new ArrayList<Reference>();
        constants.stream().filter(SqlText::isSql).forEach(constant -> find(file, 0, constant, schemas, references));
        return references;
    }

    private static final Pattern PLUS = Pattern.compile("\\s*\\+\\s*");

    /** An SQL string literal, quotes doubled inside it. */
    private static final Pattern SQL_STRING = Pattern.compile("'(?:[^']|'')*'");

    /** An SQL string whose text is a statement: PL/pgSQL's {@code EXECUTE '...'}, {@code format('...')}. */
    private static final Pattern SQL_IN_STRING = Pattern.compile("\\b(?:execute|format)\\s*\\(?\\s*'((?:[^']|'')*)'");

    /**
     * An SQL string that names a database object: an argument of {@code nextval}, {@code currval},
     * {@code setval} or {@code to_reg*}, or a value cast to an object identifier ({@code
     * 'orders.t'::regclass}).
     */
    private static final Pattern OBJECT_IN_STRING = Pattern.compile(
            "\\b(?:nextval|currval|setval|to_reg[a-z]+)\\s*\\(\\s*'([^']*)'|'([^']*)'\\s*::\\s*reg[a-z]+");

    /**
     * What stands between a format and its next argument: {@code "... %s.invoice".formatted(BILLING)},
     * {@code String.format("... %s.invoice", BILLING)}, and between arguments.
     */
    private static final Pattern FORMAT_ARGUMENT = Pattern.compile("\\s*(\\.formatted\\(|,)\\s*");

    /**
     * The literals, those joined by {@code +} alone read as one ({@code "orders" + ".purchase_order"}
     * is the text {@code orders.purchase_order}), on the line of the first.
     */
    private static List<Literal> concatenated(String code, List<Literal> literals) {
        var joined = new ArrayList<Literal>();
        for (var literal : literals) {
            var last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            var gap = last == null ? "" : code.substring(last.end(), literal.start());
            if (last != null && PLUS.matcher(gap).matches()) {
                joined.set(
                        joined.size() - 1,
                        new Literal(last.text() + literal.text(), last.line(), last.start(), literal.end()));
            } else if (last != null
                    && last.text().contains("%s")
                    && FORMAT_ARGUMENT.matcher(gap).matches()) {
                joined.set(
                        joined.size() - 1,
                        new Literal(
                                last.text()
                                        .replaceFirst("%s", java.util.regex.Matcher.quoteReplacement(literal.text())),
                                last.line(),
                                last.start(),
                                literal.end()));
            } else {
                joined.add(literal);
            }
        }
        return joined;
    }

    private static final Pattern CONSTANT_DECLARATION =
            Pattern.compile("\\b(?:static\\s+final|final\\s+static)\\s+String\\s+(\\w+)\\s*=\\s*$");

    /** The file's {@code static final String NAME = "...";} constants, by name. */
    private static java.util.Map<String, Literal> constants(String code, List<Literal> literals) {
        var constants = new java.util.HashMap<String, Literal>();
        for (var literal : literals) {
            var declared = CONSTANT_DECLARATION.matcher(
                    code.substring(statementStart(code, literal.start()), literal.start()));
            if (declared.find()) {
                constants.put(declared.group(1), literal);
            }
        }
        return constants;
    }

    /**
     * The statement's literals with the file's string constants it uses read in their place, so that
     * {@code "SELECT count(*) FROM " + ORDERS + " WHERE ..."} reads as the SQL it builds.
     */
    private static List<Literal> withConstantsInlined(
            String source,
            String code,
            int start,
            int end,
            List<Literal> literals,
            java.util.Map<String, Literal> constants) {
        if (constants.isEmpty()) {
            return literals;
        }
        var all = new ArrayList<>(literals);
        var used = Pattern.compile("\\b(" + String.join("|", constants.keySet()) + ")\\b(?!\\s*=[^=])")
                .matcher(code.substring(start, end));
        while (used.find()) {
            var at = start + used.start();
            var constant =
                    java.util.Objects.requireNonNull(constants.get(used.group(1))); // the pattern is made of them
            all.add(new Literal(constant.text(), 1 + count(source, 0, at), at, start + used.end()));
        }
        all.sort(java.util.Comparator.comparingInt(Literal::start));
        return all;
    }

    /** Calls back with the string literals of every Java statement below {@code root} that is SQL. */
    private static void forEachSqlStatement(
            Path root, boolean skipExpectedFailures, java.util.function.BiConsumer<Path, List<Literal>> action) {
        javaFiles(root).forEach(file -> {
            var source = read(file);
            var literals = new ArrayList<Literal>();
            forEachStringLiteral(source, literals::add);
            var code = blanked(source, literals);
            var statements = new java.util.TreeMap<Integer, List<Literal>>();
            for (var literal : literals) {
                statements
                        .computeIfAbsent(statementStart(code, literal.start()), start -> new ArrayList<>())
                        .add(literal);
            }
            var constants = constants(code, literals);
            var builtSql = sqlBuilderParts(code, statements);
            statements.forEach((start, inStatement) -> {
                var end = statementEnd(
                        code, inStatement.get(inStatement.size() - 1).end());
                inStatement = withConstantsInlined(source, code, start, end, inStatement, constants);
                var sql = QUERY_CALL.matcher(code.substring(start, end)).find()
                        || builtSql.contains(start)
                        || (!MESSAGE.matcher(code.substring(start, end)).find()
                                && isSql(inStatement.stream()
                                        .map(Literal::text)
                                        .collect(java.util.stream.Collectors.joining(" "))));
                if (sql
                        && !(skipExpectedFailures
                                && EXPECTED_FAILURE
                                        .matcher(code.substring(start, end))
                                        .find())) {
                    action.accept(
                            file,
                            concatenated(
                                    code,
                                    inStatement.stream()
                                            .filter(literal -> !bound(code, start, literal))
                                            .toList()));
                }
            });
        });
    }

    /** A string builder declared: {@code var sql = new StringBuilder(...)}, {@code StringBuilder sql = ...}. */
    private static final Pattern BUILDER = Pattern.compile(
            "\\b(?:var|StringBuilder|StringBuffer)\\s+(\\w+)\\s*=\\s*new\\s+String(?:Builder|Buffer)\\s*\\(");

    /**
     * The statements (by where they start) that append to a string builder whose text is SQL, so
     * that a fragment such as {@code sql.append(" JOIN orders.purchase_order o ON ...")} is read as
     * the SQL it is part of. A builder is SQL when a literal it is made or appended with is, or when
     * a query call takes it ({@code jdbc.sql(sql.toString())}); it is followed from its declaration
     * to the end of the block declaring it. A builder of anything else (a message) is not SQL.
     */
    private static java.util.Set<Integer> sqlBuilderParts(
            String code, java.util.SortedMap<Integer, List<Literal>> statements) {
        var parts = new java.util.HashSet<Integer>();
        var declared = BUILDER.matcher(code);
        while (declared.find()) {
            var from = statementStart(code, declared.start());
            var to = blockEnd(code, declared.end());
            var used = Pattern.compile("(?<![\\w.])" + declared.group(1) + "\\b");
            var appended = Pattern.compile("(?<![\\w.])" + declared.group(1) + "\\s*\\.\\s*append\\s*\\(");
            var own = new ArrayList<Integer>();
            var sql = false;
            for (var statement : statements.subMap(from, to).entrySet()) {
                var text = code.substring(
                        statement.getKey(),
                        statementEnd(
                                code,
                                statement
                                        .getValue()
                                        .get(statement.getValue().size() - 1)
                                        .end()));
                if (statement.getKey() == from || appended.matcher(text).find()) {
                    own.add(statement.getKey());
                    sql |= isSql(statement.getValue().stream()
                            .map(Literal::text)
                            .collect(java.util.stream.Collectors.joining(" ")));
                }
            }
            var query = QUERY_CALL.matcher(code.substring(from, to));
            while (!sql && query.find()) {
                sql = used.matcher(code.substring(query.end(), statementEnd(code, query.end())))
                        .find();
            }
            if (sql) {
                parts.addAll(own);
            }
        }
        return parts;
    }

    /** Where the block holding position {@code at} ends: the brace closing the last one open before it. */
    private static int blockEnd(String code, int at) {
        var depth = 0;
        for (int i = at - 1; i >= 0; i--) {
            var c = code.charAt(i);
            if (c == '}') {
                depth++;
            } else if (c == '{' && depth-- == 0) {
                return CaughtFailures.closing(code, i);
            }
        }
        return code.length();
    }

    /**
     * A call that binds a value to a statement's parameter: {@code .param("action", "orders.X.v1")},
     * JPA's {@code setParameter}, {@code MapSqlParameterSource.addValue}, R2DBC's {@code bind}.
     */
    private static final Pattern BINDING =
            Pattern.compile("\\.(param|params|setParameter|addValue|bind|setString|setObject)\\s*$");

    /**
     * Whether the literal is an argument of a call that binds a parameter's value in the statement
     * starting at {@code start}: a value, not SQL, whatever it reads like.
     */
    private static boolean bound(String code, int start, Literal literal) {
        var depth = 0;
        for (int i = literal.start() - 1; i >= start; i--) {
            var c = code.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && depth-- == 0) {
                return BINDING.matcher(code.substring(start, i)).find();
            }
        }
        return false;
    }

    /**
     * A table (or view, sequence) named where SQL expects one: after {@code FROM}, {@code JOIN},
     * {@code INTO}, {@code UPDATE}, {@code REFERENCES}, {@code TABLE}, {@code VIEW}, {@code ON},
     * {@code USING}, {@code TRUNCATE}, {@code LOCK}, or in a {@code FROM} list.
     *
     * @param file the file it is in
     * @param line the line it is on, from 1
     * @param schema the schema it is qualified with, or {@code null} when it is not
     * @param name the table's name, lower case, without quotes
     * @param text the name as written (qualified or not)
     */
    record TableReference(Path file, int line, @Nullable String schema, String name, String text) {}

    private static final Pattern TABLE_CONTEXT =
            Pattern.compile("\\b(references|join|from|into|update|table|view|on|using|truncate|lock)\\s+");
    private static final Pattern MODIFIER = Pattern.compile("(only|lateral|if\\s+not\\s+exists|if\\s+exists)\\s+");
    private static final Pattern NAME =
            Pattern.compile("(\"?[a-z_][a-z0-9_$]*\"?)(\\s*\\.\\s*(\"?[a-z_][a-z0-9_$]*\"?))?");
    private static final Pattern ALIAS = Pattern.compile("\\s*(as\\s+)?(?!(where|join|inner|left|right|full|cross"
            + "|natural|on|using|group|order|limit|offset|having|window|union|except|intersect|for|set|returning"
            + "|values|select|do)\\b)[a-z_][a-z0-9_$]*");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*,\\s*");

    /** The tables an SQL file names where SQL expects a table, comments and string constants left out. */
    static List<TableReference> tablesInSql(Path file) {
        return tablesIn(file, 1, read(file));
    }

    /** The tables named in SQL text (statements or a function's body) that starts on line {@code line}. */
    static List<TableReference> tablesIn(Path file, int line, String sql) {
        return tablesAt(sql).stream()
                .map(found -> new TableReference(
                        file, line + count(sql, 0, found.offset()), found.schema(), found.name(), found.text()))
                .toList();
    }

    /** A table named at {@code offset} of an SQL text. */
    private record Found(int offset, @Nullable String schema, String name, String text) {}

    private static List<Found> tablesAt(String sql) {
        var code = withoutCommentsAndConstants(sql.toLowerCase(Locale.ROOT));
        var found = new ArrayList<Found>();
        var context = TABLE_CONTEXT.matcher(code);
        var from = 0;
        while (from < code.length() && context.find(from)) {
            var list = context.group(1).equals("from") || context.group(1).equals("using");
            var at = context.end();
            from = at;
            var modifier = MODIFIER.matcher(code);
            while (modifier.region(at, code.length()).lookingAt()) {
                at = modifier.end();
            }
            var name = NAME.matcher(code);
            while (name.region(at, code.length()).lookingAt()) {
                var qualified = name.group(3) != null;
                found.add(new Found(
                        name.start(),
                        qualified ? name.group(1).replace("\"", "") : null,
                        (qualified ? name.group(3) : name.group(1)).replace("\"", ""),
                        name.group().replace("\"", "").replaceAll("\\s", "")));
                at = name.end();
                if (!list) {
                    break;
                }
                var alias = ALIAS.matcher(code);
                if (alias.region(at, code.length()).lookingAt()) {
                    at = alias.end();
                }
                var separator = LIST_SEPARATOR.matcher(code);
                if (!separator.region(at, code.length()).lookingAt()) {
                    break;
                }
                at = separator.end();
            }
        }
        return found;
    }

    /**
     * The SQL with its comments and its string constants ({@code 'text'}) blanked out, lines and
     * positions kept: a word in a comment or in a string is not a table.
     */
    private static String withoutCommentsAndConstants(String sql) {
        var code = new StringBuilder(sql);
        int i = 0;
        while (i < code.length()) {
            int end;
            if (sql.startsWith("--", i)) {
                end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
            } else if (sql.startsWith("/*", i)) {
                end = sql.indexOf("*/", i + 2);
                end = end < 0 ? sql.length() : end + 2;
            } else if (sql.charAt(i) == '\'') {
                end = i + 1;
                while (end < sql.length() && (sql.charAt(end) != '\'' || sql.startsWith("''", end))) {
                    end += sql.startsWith("''", end) ? 2 : 1;
                }
                end = Math.min(end + 1, sql.length());
            } else {
                i++;
                continue;
            }
            for (int j = i; j < end; j++) {
                if (code.charAt(j) != '\n') {
                    code.setCharAt(j, ' ');
                }
            }
            i = end;
        }
        return code.toString();
    }

    /** The tables named in the SQL string literals of the Java files below {@code root}. */
    static List<TableReference> tablesInJavaStrings(Path root) {
        return tablesInJavaStrings(root, false);
    }

    /** The same, leaving out SQL a statement expects to fail (as {@link #inJavaStringsExpectedToWork}). */
    static List<TableReference> tablesInJavaStringsExpectedToWork(Path root) {
        return tablesInJavaStrings(root, true);
    }

    private static List<TableReference> tablesInJavaStrings(Path root, boolean skipExpectedFailures) {
        var references = new ArrayList<TableReference>();
        forEachSqlStatement(root, skipExpectedFailures, (file, inStatement) -> {
            // The literals of one statement read as one text (SQL split over concatenated literals);
            // each name is on the line of the literal it is in.
            var text = new StringBuilder();
            var starts = new ArrayList<Integer>();
            for (var literal : inStatement) {
                starts.add(text.length());
                text.append(literal.text()).append(' ');
            }
            for (var found : tablesAt(text.toString())) {
                var index = 0;
                while (index + 1 < starts.size() && starts.get(index + 1) <= found.offset()) {
                    index++;
                }
                var literal = inStatement.get(index);
                references.add(new TableReference(
                        file,
                        literal.line() + count(literal.text(), 0, found.offset() - starts.get(index)),
                        found.schema(),
                        found.name(),
                        found.text()));
            }
        });
        references.sort(java.util.Comparator.comparing(
                        (TableReference reference) -> reference.file().toString())
                .thenComparingInt(TableReference::line));
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
        return inSql(file, read(file), schemas);
    }

    /** The same for SQL text read elsewhere (a resource on the class path), reported as {@code file}. */
    static List<Reference> inSql(Path file, String sql, List<String> schemas) {
        var references = new ArrayList<Reference>();
        var lines = withBodiesUnquoted(sql).split("\n", -1);
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

    /**
     * Where the body of a function, a procedure or an anonymous block written as an SQL string
     * starts: {@code CREATE FUNCTION ... AS '}, {@code DO '}. (A body between {@code $$} or
     * {@code $body$} is read as SQL already.)
     */
    private static final Pattern QUOTED_BODY = Pattern.compile(
            "\\b(?:create\\s+(?:or\\s+replace\\s+)?(?:function|procedure)\\b[^;$]*?\\bas|do)\\s*'",
            Pattern.CASE_INSENSITIVE);

    /**
     * The SQL with the bodies written as SQL strings read as the SQL they are: their quotes blanked
     * and each doubled quote inside made single, so that {@code AS 'BEGIN RETURN (SELECT total FROM
     * orders.purchase_order); END'} names its table, while a string in the body ({@code
     * ''orders.x''}) stays a string. Lines and positions are kept.
     */
    private static String withBodiesUnquoted(String sql) {
        var out = new StringBuilder(sql);
        var body = QUOTED_BODY.matcher(sql);
        var from = 0;
        while (from < sql.length() && body.find(from)) {
            out.setCharAt(body.end() - 1, ' ');
            var i = body.end();
            while (i < sql.length() && (sql.charAt(i) != '\'' || sql.startsWith("''", i))) {
                if (sql.startsWith("''", i)) {
                    out.setCharAt(i + 1, ' ');
                    i += 2;
                } else {
                    i++;
                }
            }
            if (i < sql.length()) {
                out.setCharAt(i, ' ');
            }
            from = i + 1;
        }
        return out.toString();
    }

    /** {@code GRANT ... TO ... PUBLIC}, with or without other grantees, over any number of lines. */
    private static final Pattern GRANT_TO_PUBLIC =
            Pattern.compile("\\bGRANT\\b[^;]*?\\bTO\\b[^;]*?\\bPUBLIC\\b", Pattern.CASE_INSENSITIVE);

    /** The lines of an SQL file where a statement grants a privilege to every role, comments left out. */
    static List<Integer> grantsToPublic(Path file) {
        var code = withoutSqlComments(read(file));
        var lines = new ArrayList<Integer>();
        var matcher = GRANT_TO_PUBLIC.matcher(code);
        while (matcher.find()) {
            lines.add(1
                    + (int) code.substring(0, matcher.start())
                            .chars()
                            .filter(c -> c == '\n')
                            .count());
        }
        return lines;
    }

    private static final Pattern CREATE_EXTENSION = Pattern.compile(
            "\\bCREATE\\s+EXTENSION\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\"?([A-Za-z_][A-Za-z0-9_-]*)\"?",
            Pattern.CASE_INSENSITIVE);

    /** The extensions an SQL file creates, by line, comments left out. */
    static java.util.Map<Integer, String> createdExtensions(Path file) {
        return namesByLine(file, CREATE_EXTENSION);
    }

    private static final Pattern CREATE_SCHEMA = Pattern.compile(
            "\\bCREATE\\s+SCHEMA\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\"?([A-Za-z_][A-Za-z0-9_]*)\"?",
            Pattern.CASE_INSENSITIVE);

    /** The schemas an SQL file creates, by the line that creates each, comments left out. */
    static java.util.Map<Integer, String> createdSchemas(Path file) {
        return namesByLine(file, CREATE_SCHEMA);
    }

    /**
     * The name each match of the statement pattern gives (its first group, in lower case), by line;
     * comments and SQL string values ({@code COMMENT ON ... IS 'needs CREATE EXTENSION x'}) are no
     * statements.
     */
    private static java.util.Map<Integer, String> namesByLine(Path file, Pattern statement) {
        var code = SQL_STRING
                .matcher(withoutSqlComments(read(file)))
                .replaceAll(value -> "''"
                        + "\n".repeat((int)
                                value.group().chars().filter(c -> c == '\n').count()));
        var names = new java.util.TreeMap<Integer, String>();
        var matcher = statement.matcher(code);
        while (matcher.find()) {
            names.put(
                    1
                            + (int) code.substring(0, matcher.start())
                                    .chars()
                                    .filter(c -> c == '\n')
                                    .count(),
                    matcher.group(1).toLowerCase(Locale.ROOT));
        }
        return names;
    }

    /** The SQL with its comments blanked out, line breaks kept, so that lines still count. */
    private static String withoutSqlComments(String sql) {
        var out = new StringBuilder(sql.length());
        for (int i = 0; i < sql.length(); i++) {
            if (sql.startsWith("--", i)) {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    i++;
                }
                if (i < sql.length()) {
                    out.append('\n');
                }
            } else if (sql.startsWith("/*", i)) {
                var end = sql.indexOf("*/", i + 2);
                var comment = sql.substring(i, end < 0 ? sql.length() : end + 2);
                comment.chars().filter(c -> c == '\n').forEach(c -> out.append('\n'));
                i += comment.length() - 1;
            } else {
                out.append(sql.charAt(i));
            }
        }
        return out.toString();
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
        // An SQL string that is SQL itself (EXECUTE '...', format('...')) or names an object
        // (nextval('orders.seq'), 'orders.t'::regclass): read it as such.
        var lower = text.toLowerCase(Locale.ROOT);
        var statement = SQL_IN_STRING.matcher(lower);
        while (statement.find()) {
            find(file, line, statement.group(1).replace("''", "'"), schemas, into);
        }
        var object = OBJECT_IN_STRING.matcher(lower);
        while (object.find()) {
            var named = QUALIFIED.matcher(object.group(1) != null ? object.group(1) : object.group(2));
            while (named.find()) {
                if (schemas.contains(named.group(1))) {
                    into.add(new Reference(
                            file, line, named.group(1), named.group().replace("\"", "")));
                }
            }
        }
        // A quoted identifier inside a Java string is written \"orders\"; any other SQL string
        // ('orders.OrderPlaced.v1', a value) names nothing.
        var matcher = QUALIFIED.matcher(SQL_STRING
                .matcher(text.toLowerCase(Locale.ROOT).replace("\\\"", "\""))
                .replaceAll("''"));
        while (matcher.find()) {
            if (schemas.contains(matcher.group(1))) {
                into.add(new Reference(
                        file, line, matcher.group(1), matcher.group().replace("\"", "")));
            }
        }
        var named = SCHEMA_NAMED.matcher(text.toLowerCase(Locale.ROOT));
        while (named.find()) {
            if (schemas.contains(named.group(1))) {
                into.add(new Reference(
                        file,
                        line,
                        named.group(1),
                        named.group().replace("\"", "").replaceAll("\\s+", " ")));
            }
        }
        var path = SEARCH_PATH.matcher(text.toLowerCase(Locale.ROOT));
        while (path.find()) {
            for (var entry : path.group(1).split(",")) {
                var schema = entry.trim().replace("\"", "");
                if (schemas.contains(schema)) {
                    into.add(new Reference(file, line, schema, "search_path to " + schema));
                }
            }
        }
    }

    /**
     * A schema named as a whole rather than through one of its objects: a grant {@code ON SCHEMA
     * billing} or {@code IN SCHEMA billing}, or a search path set to it, after which its tables need
     * no qualification.
     */
    private static final Pattern SCHEMA_NAMED = Pattern.compile("\\bschema\\s+\"?([a-z_][a-z0-9_]*)\"?");

    /** A search path, every schema of it: {@code SET search_path = payments, orders}. */
    private static final Pattern SEARCH_PATH = Pattern.compile(
            "\\bsearch_path\\s*(?:to\\b|=)\\s*((?:\"?[a-z_][a-z0-9_$]*\"?\\s*,\\s*)*\"?[a-z_][a-z0-9_$]*\"?)");

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
