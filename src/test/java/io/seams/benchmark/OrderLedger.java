package io.seams.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the databases say about the orders a load step placed: how many were confirmed, how long
 * each took from placed to confirmed, and how long every event took from its publication to the
 * end of each listener — all from timestamps the processes wrote themselves.
 */
final class OrderLedger {

    private final Topology topology;

    OrderLedger(Topology topology) {
        this.topology = topology;
    }

    /**
     * Orders by status, and the confirmed ones' completion latencies.
     *
     * @param statuses how many orders are in each status
     * @param confirmed how many reached CONFIRMED (the timeline says so)
     * @param completionMicros placed → confirmed of each confirmed order, in microseconds
     * @param firstPlaced when the first order was placed
     * @param lastConfirmed when the last one was confirmed
     * @param incompletePublications event publications still not handled when the wait ended
     */
    record Outcome(
            Map<String, Long> statuses,
            long confirmed,
            long[] completionMicros,
            Instant firstPlaced,
            Instant firstConfirmed,
            Instant lastConfirmed,
            long incompletePublications) {}

    /**
     * Waits (polling, at most {@code timeout}) until every order of {@code ids} is confirmed, then
     * (at most {@code settle} more) until every event publication since {@code since} has been
     * handled, so that the next step starts with nothing left over; and says what became of the
     * orders. A publication whose listener failed is handed over again only by the resubmission
     * (after its staleness threshold, minutes), so the second wait is bounded and what is left is
     * counted ({@link Outcome#incompletePublications()}).
     */
    Outcome awaitConfirmed(List<String> ids, Instant since, Duration timeout, Duration settle)
            throws SQLException, InterruptedException {
        var deadline = System.nanoTime() + timeout.toNanos();
        try (var database = topology.shopDatabase()) {
            while (confirmed(database, ids) < ids.size() && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            var settled = Math.min(deadline, System.nanoTime() + settle.toNanos());
            long incomplete;
            while ((incomplete = incompletePublications(since)) > 0 && System.nanoTime() < settled) {
                Thread.sleep(250);
            }
            return outcome(database, ids, incomplete);
        }
    }

    private static long confirmed(Connection database, List<String> ids) throws SQLException {
        try (var query = database.prepareStatement("SELECT count(*) FROM tracking.timeline_entry"
                + " WHERE step = 'CONFIRMED' AND order_id = ANY (?::uuid[])")) {
            query.setArray(1, database.createArrayOf("text", ids.toArray()));
            try (var result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static Outcome outcome(Connection database, List<String> ids, long incomplete) throws SQLException {
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
        Instant first = null;
        Instant firstConfirmed = null;
        Instant last = null;
        try (var query = database.prepareStatement("SELECT o.placed_at, t.occurred_at"
                + " FROM orders.purchase_order o JOIN tracking.timeline_entry t"
                + " ON t.order_id = o.id AND t.step = 'CONFIRMED' WHERE o.id = ANY (?::uuid[])")) {
            query.setArray(1, database.createArrayOf("text", ids.toArray()));
            try (var result = query.executeQuery()) {
                while (result.next()) {
                    var placed = result.getTimestamp(1).toInstant();
                    var confirmed = result.getTimestamp(2).toInstant();
                    latencies.add(Duration.between(placed, confirmed).toNanos() / 1000);
                    first = first == null || placed.isBefore(first) ? placed : first;
                    firstConfirmed =
                            firstConfirmed == null || confirmed.isBefore(firstConfirmed) ? confirmed : firstConfirmed;
                    last = last == null || confirmed.isAfter(last) ? confirmed : last;
                }
            }
        }
        return new Outcome(
                statuses,
                latencies.size(),
                latencies.stream().mapToLong(Long::longValue).toArray(),
                first,
                firstConfirmed,
                last,
                incomplete);
    }

    /**
     * Event delivery latencies of the events published in {@code [from, to)}: for each listener
     * that handled an event, from the event's first publication (in the process that raised it) to
     * the listener's completion (in the process that ran it), in microseconds. An event that
     * crossed to another process is published there again by the inbox; the first publication is
     * the one that counts. Publications to Kafka (the externaliser) are not listeners and are left
     * out. Events are matched across databases by type and the first id in their payload.
     */
    long[] deliveryMicros(Instant from, Instant to) throws SQLException {
        var published = new HashMap<String, Instant>();
        var completions = new ArrayList<Map.Entry<String, Instant>>();
        for (var name : topology.databases()) {
            try (var database = topology.postgres().connect(name);
                    var query = database.prepareStatement("SELECT event_type, listener_id,"
                            + " substring(serialized_event from"
                            + " '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'),"
                            + " publication_date, completion_date FROM events.event_publication"
                            + " WHERE publication_date >= ? AND publication_date < ?")) {
                query.setTimestamp(1, Timestamp.from(from));
                query.setTimestamp(2, Timestamp.from(to));
                try (var result = query.executeQuery()) {
                    while (result.next()) {
                        var key = result.getString(1) + "/" + result.getString(3);
                        var publication = result.getTimestamp(4).toInstant();
                        published.merge(key, publication, (a, b) -> a.isBefore(b) ? a : b);
                        var completion = result.getTimestamp(5);
                        if (completion != null
                                && !result.getString(2).toLowerCase().contains("externaliz")) {
                            completions.add(Map.entry(key, completion.toInstant()));
                        }
                    }
                }
            }
        }
        return completions.stream()
                .mapToLong(completion -> Duration.between(published.get(completion.getKey()), completion.getValue())
                                .toNanos()
                        / 1000)
                .toArray();
    }

    /** Publications since {@code since} not completed yet, in every database (work still in flight, or failed). */
    long incompletePublications(Instant since) throws SQLException {
        long incomplete = 0;
        for (var name : topology.databases()) {
            try (var database = topology.postgres().connect(name);
                    var query = database.prepareStatement("SELECT count(*) FROM events.event_publication"
                            + " WHERE completion_date IS NULL AND publication_date >= ?")) {
                query.setTimestamp(1, Timestamp.from(since));
                try (var result = query.executeQuery()) {
                    result.next();
                    incomplete += result.getLong(1);
                }
            }
        }
        return incomplete;
    }
}
