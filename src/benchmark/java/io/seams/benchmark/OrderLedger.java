package io.seams.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the databases say about the orders a load step placed: how many were confirmed, how long
 * each took from placed to confirmed and between the steps of its timeline — all from timestamps
 * the processes wrote themselves, readable with the event publication registry in {@code delete}
 * mode (as production runs it). The benchmark reads them over one long-lived connection per
 * database ({@code ApplicationName=benchmark}), polling every {@link #POLL}; their backends are left
 * out of the CPU measured.
 */
final class OrderLedger implements AutoCloseable {

    /** How often the ledger looks whether the orders are confirmed and the registries empty. */
    static final Duration POLL = Duration.ofMillis(500);

    /**
     * The timeline's steps on the way to CONFIRMED, each written by the tracking module with the
     * time its event occurred (in the process that raised it).
     */
    static final List<String> TIMELINE = List.of("PLACED", "STOCK_RESERVED", "PAYMENT_AUTHORIZED", "CONFIRMED");

    private final Topology topology;
    private final ProcessMeter meter;
    private final Map<String, Connection> connections = new LinkedHashMap<>();

    OrderLedger(Topology topology, ProcessMeter meter) {
        this.topology = topology;
        this.meter = meter;
    }

    /**
     * Orders by status, and the confirmed ones' completion latencies.
     *
     * @param statuses how many orders are in each status
     * @param confirmed how many reached CONFIRMED (the timeline says so)
     * @param completionMicros placed → confirmed of each confirmed order, in microseconds
     * @param firstPlaced when the first order was placed
     * @param lastConfirmed when the last one was confirmed
     * @param incompletePublications event publications still not handled when the wait ended, in
     *     every database
     * @param confirmedMicros when each confirmed order was confirmed (epoch microseconds), by id
     * @param stages for each pair of consecutive timeline steps ({@code "PLACED→STOCK_RESERVED"}…),
     *     the time between them per confirmed order, in microseconds
     */
    record Outcome(
            Map<String, Long> statuses,
            long confirmed,
            long[] completionMicros,
            Instant firstPlaced,
            Instant firstConfirmed,
            Instant lastConfirmed,
            long incompletePublications,
            Map<String, Long> confirmedMicros,
            Map<String, long[]> stages) {}

    /** The ledger's connection to {@code database}, opened once; its backend is not the topology's CPU. */
    private Connection connection(String database) throws SQLException {
        var connection = connections.get(database);
        if (connection == null || connection.isClosed()) {
            connection = topology.postgres().connect(database);
            meter.exclude(Postgres.backendPid(connection));
            connections.put(database, connection);
        }
        return connection;
    }

    private Connection shop() throws SQLException {
        return connection(topology.shopDatabase());
    }

    /**
     * Waits (polling, at most {@code timeout}) until every order of {@code ids} is confirmed, then
     * (at most {@code settle} more) until no event publication is left incomplete in any process's
     * registry — the phase has drained, so the next starts with nothing in flight; and says what
     * became of the orders. A publication whose listener failed is handed over again only by the
     * resubmission (after its staleness threshold, minutes), so the second wait is bounded and what
     * is left is counted ({@link Outcome#incompletePublications()}).
     */
    Outcome awaitDrained(List<String> ids, Duration timeout, Duration settle)
            throws SQLException, InterruptedException {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (confirmed(ids) < ids.size() && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
        }
        var settled = Math.min(deadline, System.nanoTime() + settle.toNanos());
        long incomplete;
        while ((incomplete = incompletePublications()) > 0 && System.nanoTime() < settled) {
            Thread.sleep(POLL.toMillis());
        }
        return outcome(ids, incomplete);
    }

    /** How many of {@code ids} are confirmed. */
    long confirmed(List<String> ids) throws SQLException {
        var database = shop();
        try (var query = database.prepareStatement("SELECT count(*) FROM tracking.timeline_entry"
                + " WHERE step = 'CONFIRMED' AND order_id = ANY (?::uuid[])")) {
            query.setArray(1, database.createArrayOf("text", ids.toArray()));
            try (var result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** How many orders were confirmed since {@code since} (any order). */
    long confirmedSince(Instant since) throws SQLException {
        try (var query = shop().prepareStatement("SELECT count(*) FROM tracking.timeline_entry"
                + " WHERE step = 'CONFIRMED' AND occurred_at >= ?")) {
            query.setTimestamp(1, Timestamp.from(since));
            try (var result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private Outcome outcome(List<String> ids, long incomplete) throws SQLException {
        var database = shop();
        var statuses = new LinkedHashMap<String, Long>();
        try (var query = database.prepareStatement("SELECT status, count(*) FROM orders.purchase_order"
                + " WHERE id = ANY (?::uuid[]) GROUP BY status ORDER BY status")) {
            query.setArray(1, database.createArrayOf("text", ids.toArray()));
            try (var result = query.executeQuery()) {
                while (result.next()) {
                    statuses.put(result.getString(1), result.getLong(2));
                }
            }
        }
        var latencies = new ArrayList<Long>();
        var confirmedAt = new LinkedHashMap<String, Long>();
        var stages = new LinkedHashMap<String, List<Long>>();
        for (int i = 1; i < TIMELINE.size(); i++) {
            stages.put(TIMELINE.get(i - 1) + "→" + TIMELINE.get(i), new ArrayList<>());
        }
        Instant first = null;
        Instant firstConfirmed = null;
        Instant last = null;
        var columns = new StringBuilder();
        for (var step : TIMELINE) {
            columns.append(", max(t.occurred_at) FILTER (WHERE t.step = '")
                    .append(step)
                    .append("')");
        }
        try (var query = database.prepareStatement("SELECT o.placed_at" + columns + ", o.id::text"
                + " FROM orders.purchase_order o JOIN tracking.timeline_entry t ON t.order_id = o.id"
                + " WHERE o.id = ANY (?::uuid[]) GROUP BY o.id, o.placed_at")) {
            query.setArray(1, database.createArrayOf("text", ids.toArray()));
            try (var result = query.executeQuery()) {
                while (result.next()) {
                    var confirmedTimestamp = result.getTimestamp(1 + TIMELINE.size());
                    if (confirmedTimestamp == null) {
                        continue;
                    }
                    var placed = result.getTimestamp(1).toInstant();
                    var confirmed = confirmedTimestamp.toInstant();
                    latencies.add(micros(placed, confirmed));
                    confirmedAt.put(
                            result.getString(2 + TIMELINE.size()),
                            confirmed.getEpochSecond() * 1_000_000 + confirmed.getNano() / 1000);
                    for (int i = 1; i < TIMELINE.size(); i++) {
                        var from = result.getTimestamp(1 + i);
                        var to = result.getTimestamp(2 + i);
                        if (from != null && to != null) {
                            stages.get(TIMELINE.get(i - 1) + "→" + TIMELINE.get(i))
                                    .add(micros(from.toInstant(), to.toInstant()));
                        }
                    }
                    first = first == null || placed.isBefore(first) ? placed : first;
                    firstConfirmed =
                            firstConfirmed == null || confirmed.isBefore(firstConfirmed) ? confirmed : firstConfirmed;
                    last = last == null || confirmed.isAfter(last) ? confirmed : last;
                }
            }
        }
        var stageMicros = new LinkedHashMap<String, long[]>();
        stages.forEach((name, values) ->
                stageMicros.put(name, values.stream().mapToLong(Long::longValue).toArray()));
        return new Outcome(
                statuses,
                latencies.size(),
                latencies.stream().mapToLong(Long::longValue).toArray(),
                first,
                firstConfirmed,
                last,
                incomplete,
                confirmedAt,
                stageMicros);
    }

    private static long micros(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1000;
    }

    /**
     * Publications not completed yet, in every database (work still in flight, or failed). In
     * {@code delete} mode a completed publication is deleted; an incomplete one has no completion
     * date either way.
     */
    long incompletePublications() throws SQLException {
        long incomplete = 0;
        for (var name : topology.databases()) {
            try (var query = connection(name)
                            .prepareStatement(
                                    "SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL");
                    var result = query.executeQuery()) {
                result.next();
                incomplete += result.getLong(1);
            }
        }
        return incomplete;
    }

    @Override
    public void close() {
        connections.values().forEach(connection -> {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing at the end: nothing to do about it.
            }
        });
        connections.clear();
    }
}
