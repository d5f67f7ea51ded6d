package io.seams.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * L1, the database's ceiling for this flow: every SQL statement that one order causes, captured
 * from PostgreSQL's own log ({@code log_statement = all}) on every connection but the benchmark's
 * while one order went from placed to confirmed and on through every listener (until no event
 * publication was left incomplete), then replayed with plain JDBC, transaction by transaction as
 * they were, as fast as the database takes them. Each replay gets fresh ids (every UUID in the
 * statements and their parameters is replaced consistently) and two random benchmark products.
 */
final class DatabaseCeiling {

    /** {@code log_line_prefix = '%p|%a|'}: the backend's pid and the connection's application name. */
    private static final Pattern LOGGED = Pattern.compile(
            "^(\\d+)\\|([^|]*)\\|(LOG|DETAIL):  (?:(?:statement|execute [^:]*): (.*)|[Pp]arameters: (.*))$");

    private static final Pattern OTHER_ENTRY = Pattern.compile("^\\d+\\|[^|]*\\|[A-Z]+:  .*");
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = (NULL|'((?:[^']|'')*)')");
    private static final Pattern UUIDS =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern PRODUCTS = Pattern.compile("BENCH-\\d{3}");

    /** One statement as the database received it: its text with {@code $n} placeholders, and its parameters. */
    record Statement(String sql, List<String> parameters) {}

    /**
     * The statements one connection ran between {@code BEGIN} and its end ({@code explicit}), or one
     * statement alone in auto-commit; {@code committed} is false for a transaction that was rolled
     * back (it is replayed and rolled back too).
     */
    record Transaction(List<Statement> statements, boolean explicit, boolean committed) {}

    private DatabaseCeiling() {}

    /**
     * Every transaction in the log from byte {@code offset} on, on every connection but the
     * benchmark's own (those whose {@code application_name} is {@code harness}).
     */
    static List<Transaction> capture(Path log, long offset, String harness) throws IOException {
        var text = new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8);
        return parse(text.substring((int) Math.min(offset, text.length())), harness);
    }

    /**
     * The transactions of a log written with {@code log_line_prefix = '%p|%a|'} and {@code
     * log_statement = all}, in the order they ended, leaving out the connections of application
     * {@code harness}; transactions still open at the end of the log are left out.
     */
    static List<Transaction> parse(String log, String harness) {
        var open = new LinkedHashMap<Integer, List<Statement>>();
        var done = new ArrayList<Transaction>();
        var lastStatement = new HashMap<Integer, Statement>();
        Integer currentPid = null;
        StringBuilder currentSql = null;
        for (var line : (log + "\n0|end|LOG:  statement: END-OF-CAPTURE").split("\n")) {
            var logged = LOGGED.matcher(line);
            if (!logged.matches()) {
                if (currentSql != null && !OTHER_ENTRY.matcher(line).matches()) {
                    currentSql.append('\n').append(line);
                } else if (currentSql != null) {
                    finish(currentPid, currentSql.toString(), open, done, lastStatement);
                    currentSql = null;
                }
                continue;
            }
            if (currentSql != null) {
                finish(currentPid, currentSql.toString(), open, done, lastStatement);
                currentSql = null;
            }
            var pid = Integer.parseInt(logged.group(1));
            // The driver may name the connection with a statement of its own, logged before the name applies.
            if (harness.equals(logged.group(2))
                    || ("SET application_name = '" + harness + "'").equals(logged.group(4))) {
                continue;
            }
            if (logged.group(4) != null) {
                currentPid = pid;
                currentSql = new StringBuilder(logged.group(4));
            } else if (logged.group(5) != null && lastStatement.containsKey(pid)) {
                var parameters = new ArrayList<String>();
                Matcher parameter = PARAMETER.matcher(logged.group(5));
                while (parameter.find()) {
                    parameters.add(
                            parameter.group(3) == null
                                    ? null
                                    : parameter.group(3).replace("''", "'"));
                }
                lastStatement.get(pid).parameters().addAll(parameters);
            }
        }
        return done.stream()
                .filter(transaction -> !transaction.statements().isEmpty())
                .filter(transaction -> !transaction.statements().get(0).sql().equals("END-OF-CAPTURE"))
                .toList();
    }

    private static void finish(
            Integer pid,
            String sql,
            Map<Integer, List<Statement>> open,
            List<Transaction> done,
            Map<Integer, Statement> lastStatement) {
        var keyword = sql.trim().toUpperCase();
        if (keyword.isEmpty()) {
            return;
        }
        if (keyword.startsWith("BEGIN")) {
            open.put(pid, new ArrayList<>());
            return;
        }
        if (keyword.equals("COMMIT") || keyword.equals("ROLLBACK")) {
            var statements = open.remove(pid);
            if (statements != null) {
                done.add(new Transaction(statements, true, keyword.equals("COMMIT")));
            }
            return;
        }
        var statement = new Statement(sql, new ArrayList<>());
        lastStatement.put(pid, statement);
        if (open.containsKey(pid)) {
            open.get(pid).add(statement);
        } else {
            done.add(new Transaction(new ArrayList<>(List.of(statement)), false, true));
        }
    }

    /** Statements in {@code transactions}. */
    static int statements(List<Transaction> transactions) {
        return transactions.stream().mapToInt(t -> t.statements().size()).sum();
    }

    /**
     * Replays the order's transactions {@code concurrency} at a time (each thread on a connection
     * of its own, one order after another) for {@code duration}; returns how many orders' worth of
     * statements were committed, and how many replays failed.
     */
    static long[] replay(
            List<Transaction> transactions,
            int concurrency,
            Duration duration,
            java.util.concurrent.Callable<Connection> connections)
            throws InterruptedException {
        var committed = new AtomicLong();
        var failed = new AtomicLong();
        var end = System.nanoTime() + duration.toNanos();
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < concurrency; i++) {
            var thread = new Thread(
                    () -> {
                        try (var connection = connections.call()) {
                            while (System.nanoTime() < end) {
                                if (replayOnce(connection, transactions)) {
                                    committed.incrementAndGet();
                                } else {
                                    failed.incrementAndGet();
                                }
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    },
                    "database-ceiling-" + i);
            thread.start();
            threads.add(thread);
        }
        for (var thread : threads) {
            thread.join();
        }
        return new long[] {committed.get(), failed.get()};
    }

    private static boolean replayOnce(Connection connection, List<Transaction> transactions) throws SQLException {
        var ids = new HashMap<String, String>();
        var products = new HashMap<String, String>();
        for (var transaction : transactions) {
            var autoCommit = !transaction.explicit();
            if (connection.getAutoCommit() != autoCommit) {
                connection.setAutoCommit(autoCommit);
            }
            try {
                for (var statement : transaction.statements()) {
                    execute(connection, statement, ids, products);
                }
                if (!autoCommit && transaction.committed()) {
                    connection.commit();
                } else if (!autoCommit) {
                    connection.rollback();
                }
            } catch (SQLException e) {
                if (!autoCommit) {
                    connection.rollback();
                }
                lastError = e.getMessage();
                return false;
            }
        }
        return true;
    }

    /** The last error a replay met, to say why replays failed. */
    static volatile String lastError;

    private static void execute(
            Connection connection, Statement statement, Map<String, String> ids, Map<String, String> products)
            throws SQLException {
        var sql = fresh(statement.sql(), ids, products).replaceAll("\\$\\d+", "?");
        try (var prepared = connection.prepareStatement(sql)) {
            for (int i = 0; i < statement.parameters().size(); i++) {
                var value = statement.parameters().get(i);
                if (value == null) {
                    prepared.setNull(i + 1, Types.OTHER);
                } else {
                    prepared.setObject(i + 1, fresh(value, ids, products), Types.OTHER);
                }
            }
            prepared.execute();
        }
    }

    /** The text with every id replaced by this replay's own, and every product by a random one. */
    static String fresh(String text, Map<String, String> ids, Map<String, String> products) {
        var withIds = UUIDS.matcher(text)
                .replaceAll(id ->
                        ids.computeIfAbsent(id.group(), old -> UUID.randomUUID().toString()));
        return PRODUCTS.matcher(withIds)
                .replaceAll(product -> products.computeIfAbsent(product.group(), old -> unused(products)));
    }

    /** A random product not chosen yet in this replay (an order has each product on one line only). */
    private static String unused(Map<String, String> chosen) {
        while (true) {
            var product = Catalogue.sku(ThreadLocalRandom.current().nextInt(Catalogue.PRODUCTS));
            if (!chosen.containsValue(product)) {
                return product;
            }
        }
    }
}
