package io.seams.fitness;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.all;

import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;

/**
 * Rule 6: the JSON shape of every event is recorded in a committed lock file. Removing, renaming
 * or retyping a field breaks every listener that reads it, so it fails unless the event's version
 * is raised (a new external name). Adding a field is compatible: it is accepted by updating the
 * lock by running the tests with {@value #UPDATE_PROPERTY} set to {@code true}.
 *
 * <p>A field's type is its JSON kind refined by the Java type behind it, in the terms of the event's
 * JSON Schema ({@link EventContractDocument#lockTypeOf}): {@code string:date-time} for an {@code
 * Instant}, {@code string:date} for a {@code LocalDate}, {@code string:uuid}, {@code
 * number:integer}, {@code number:decimal}, ... Any change of it is a retyping. A lock written before
 * types were refined holds the bare kind ({@code string}, {@code number}): such an entry accepts any
 * type of its kind, and the next update records the refined one.
 */
public final class EventContractLock {

    /** Set to {@code true} to rewrite the lock from the current events (refused for breaking changes). */
    public static final String UPDATE_PROPERTY = "fitness.update-event-lock";

    /**
     * The command messages quote when none is given: the build's test command with {@value
     * #UPDATE_PROPERTY} set. {@link Fitness} quotes {@code fitness.command} instead.
     */
    public static final String UPDATE_COMMAND = "mvn verify -D" + UPDATE_PROPERTY + "=true";

    static final String UNSAMPLED_FIX = "Fix: make the event a record of JSON-friendly values again (rule 5,"
            + " Events are safe contracts, says what is wrong), or, if it is really gone, delete the class: only"
            + " events removed from the code leave the lock";

    private EventContractLock() {}

    /**
     * The current JSON shape of every event with an external name: for each field path
     * ({@code lines[].sku}), its type ({@code string}, {@code number:integer}, ...), as the event's
     * sample is really serialized, refined by the Java type of the property.
     */
    public static Map<String, Map<String, String>> currentShapes(ModularApplication app) {
        var shapes = new TreeMap<String, Map<String, String>>();
        externalizedEvents(app).forEach((name, type) -> {
            try {
                shapes.put(name, shapeOf(type));
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Rule 5 reports events that cannot be built or serialized.
            }
        });
        return shapes;
    }

    /**
     * The events still in the code whose shape cannot be taken (no sample can be built or
     * serialized), by external name, with the reason. Such an event is not gone: its contract must
     * not leave the lock.
     */
    public static Map<String, String> unsampledEvents(ModularApplication app) {
        var unsampled = new TreeMap<String, String>();
        externalizedEvents(app).forEach((name, type) -> {
            try {
                shapeOf(type);
            } catch (ReflectiveOperationException | RuntimeException e) {
                unsampled.put(name, type.getName() + ": " + e);
            }
        });
        return unsampled;
    }

    private static Map<String, String> shapeOf(Class<?> type) throws ReflectiveOperationException {
        JsonNode sample = EventContractRules.json().valueToTree(EventSamples.sampleOf(type));
        return EventContractDocument.shapeOf(EventContractDocument.payloadSchemaOf(type, sample));
    }

    /**
     * Whether a field locked as {@code locked} still reads as it is now: the same type, or a bare
     * JSON kind ({@code string}, {@code number}, written before types were refined) of which the
     * current type is a refinement ({@code string:date-time}). Any other change, from one refined
     * type to another ({@code string:date-time} to {@code string:date}, {@code string:uuid} to
     * {@code string}, {@code number:integer} to {@code number:decimal}), breaks a reader that parses it.
     */
    static boolean stillReads(String locked, String now) {
        return locked.equals(now) || (!locked.contains(":") && now.startsWith(locked + ":"));
    }

    /**
     * Whether an event's shape is the one locked: the same fields, each still read as locked
     * ({@link #stillReads(String, String)}), so that a lock written before types were refined matches.
     */
    static boolean matchesLocked(Map<String, String> locked, Map<String, String> now) {
        return locked.keySet().equals(now.keySet())
                && locked.entrySet().stream()
                        .allMatch(field -> stillReads(field.getValue(), now.getOrDefault(field.getKey(), "")));
    }

    /** Locked events that are still in the code but cannot be sampled: the lock cannot vouch for them. */
    static List<String> lockedButUnsampled(ModularApplication app, Map<String, Map<String, String>> locked) {
        var problems = new ArrayList<String>();
        unsampledEvents(app).forEach((event, reason) -> {
            if (locked.containsKey(event)) {
                problems.add("Event %s is still in the code but cannot be sampled (%s)".formatted(event, reason));
            }
        });
        return problems;
    }

    /**
     * The events whose contracts are locked, by contract key: the module events that are records
     * and declare an external name. The AsyncAPI document ({@link EventContractDocument}) describes
     * the same events.
     *
     * <p>An event's key in the lock is its broker target ({@code @Externalized("orders.OrderPlaced.v1
     * ::#{orderId()}")} is locked as {@code orders.OrderPlaced.v1}) when no other event has the same
     * target. Events that share a target (an exchange with a routing key per event,
     * {@code @Externalized("orders-exchange::orders.placed.v1")}) are locked each under
     * {@code <target>::<event's simple class name>} ({@code orders-exchange::OrderPlaced}), or
     * {@code <target>::<fully qualified class name>} when simple names collide too: two events never
     * share an entry. Renaming such an event's class moves its entry, which the rule reports as one
     * event new and one no longer published.
     */
    public static Map<String, Class<?>> externalizedEvents(ModularApplication app) {
        var byTarget = new TreeMap<String, List<Class<?>>>();
        app.classes().stream()
                .filter(EventContractRules.moduleEvents(app))
                .map(type -> type.reflect())
                .filter(Class::isRecord)
                .sorted(java.util.Comparator.comparing(Class::getName))
                .forEach(type -> EventContractRules.externalNameOf(type)
                        .ifPresent(target -> byTarget.computeIfAbsent(target, t -> new ArrayList<>())
                                .add(type)));
        var events = new TreeMap<String, Class<?>>();
        byTarget.forEach((target, types) -> {
            if (types.size() == 1) {
                events.put(target, types.get(0));
                return;
            }
            for (var type : types) {
                var sameSimpleName = types.stream()
                                .filter(other -> other.getSimpleName().equals(type.getSimpleName()))
                                .count()
                        > 1;
                events.put(target + "::" + (sameSimpleName ? type.getName() : type.getSimpleName()), type);
            }
        });
        return events;
    }

    /** The shapes recorded in the lock file; empty when there is none yet. */
    public static Map<String, Map<String, String>> locked(Path lockFile) {
        if (!Files.exists(lockFile)) {
            return Map.of();
        }
        return EventContractRules.json()
                .readValue(lockFile.toFile(), new TypeReference<TreeMap<String, Map<String, String>>>() {});
    }

    /** Changes that break listeners: fields removed or retyped under an unchanged external name. */
    public static List<String> breakingChanges(
            Map<String, Map<String, String>> locked, Map<String, Map<String, String>> current) {
        var breaking = new ArrayList<String>();
        current.forEach((event, shape) -> {
            var before = locked.get(event);
            if (before == null) {
                return;
            }
            before.forEach((field, type) -> {
                if (!shape.containsKey(field)) {
                    breaking.add("Event %s: field '%s' was removed or renamed".formatted(event, field));
                } else if (!stillReads(type, shape.get(field))) {
                    breaking.add("Event %s: field '%s' changed from %s to %s"
                            .formatted(event, field, type, shape.get(field)));
                }
            });
        });
        return breaking;
    }

    /** The property naming the locked events (comma-separated keys) that a lock update may retire early. */
    public static final String RETIRE_PROPERTY = "fitness.retire-events";

    private static final java.util.regex.Pattern VERSIONED = java.util.regex.Pattern.compile("(.+)\\.v(\\d+)$");

    /**
     * Events dropped in the same change that brings their next version: {@code ordering.Ordered.v1}
     * locked and gone, {@code ordering.Ordered.v2} new. Listeners in other processes, deployed on
     * their own schedule, still read the old version, so both are published until they have moved.
     * The old version's key, by the new one's.
     */
    public static Map<String, String> retiredWithTheirSuccessor(
            Map<String, Map<String, String>> locked, Map<String, Map<String, String>> current) {
        var retired = new TreeMap<String, String>();
        for (var old : locked.keySet()) {
            var version = VERSIONED.matcher(old);
            if (current.containsKey(old) || !version.matches()) {
                continue;
            }
            current.keySet().stream()
                    .filter(key -> !locked.containsKey(key))
                    .filter(key -> {
                        var newer = VERSIONED.matcher(key);
                        return newer.matches()
                                && newer.group(1).equals(version.group(1))
                                && Integer.parseInt(newer.group(2)) > Integer.parseInt(version.group(2));
                    })
                    .findFirst()
                    .ifPresent(successor -> retired.put(old, successor));
        }
        return retired;
    }

    /** Compatible changes still to be recorded: new events, new fields, events no longer published. */
    public static List<String> unrecordedChanges(
            Map<String, Map<String, String>> locked, Map<String, Map<String, String>> current) {
        var changes = new ArrayList<String>();
        var events = new TreeSet<String>(locked.keySet());
        events.addAll(current.keySet());
        for (var event : events) {
            var before = locked.get(event);
            var now = current.get(event);
            if (before == null) {
                changes.add("Event %s is new".formatted(event));
            } else if (now == null) {
                changes.add("Event %s is no longer published".formatted(event));
            } else {
                now.keySet().stream()
                        .filter(field -> !before.containsKey(field))
                        .forEach(field -> changes.add("Event %s: field '%s' was added".formatted(event, field)));
            }
        }
        return changes;
    }

    /** The rule: the events' shapes match the lock file. */
    public static ArchRule eventsMatchTheirLockedContracts(ModularApplication app, Path lockFile) {
        return eventsMatchTheirLockedContracts(app, lockFile, UPDATE_COMMAND);
    }

    /** The rule, its messages quoting {@code updateCommand} as the way to accept a change. */
    public static ArchRule eventsMatchTheirLockedContracts(
            ModularApplication app, Path lockFile, String updateCommand) {
        return all(Items.of("event contracts", () -> List.of(lockFile)))
                .should(new ArchCondition<Path>("match the current events") {
                    @Override
                    public void check(Path lock, ConditionEvents events) {
                        var locked = locked(lock);
                        var current = currentShapes(app);
                        breakingChanges(locked, current)
                                .forEach(change -> events.add(violated(
                                        lock,
                                        change + " (" + lock + "). Fix: raise the event's version in @Externalized"
                                                + " (v1 -> v2) and keep the old one while listeners move, then run "
                                                + updateCommand)));
                        var unsampled = unsampledEvents(app).keySet();
                        lockedButUnsampled(app, locked)
                                .forEach(problem ->
                                        events.add(violated(lock, problem + " (" + lock + "). " + UNSAMPLED_FIX)));
                        var early = retiredWithTheirSuccessor(locked, current);
                        early.forEach((old, successor) -> events.add(violated(
                                lock,
                                ("Event %s is no longer published, in the same change that brings %s (%s): listeners"
                                                + " in other processes, deployed on their own schedule, still read"
                                                + " it. Fix: publish both until every listener reads %s, then retire"
                                                + " %s: %s -D%s=%s")
                                        .formatted(
                                                old,
                                                successor,
                                                lock,
                                                successor,
                                                old,
                                                updateCommand,
                                                RETIRE_PROPERTY,
                                                old))));
                        unrecordedChanges(locked, current).stream()
                                .filter(change -> early.keySet().stream()
                                        .noneMatch(event ->
                                                change.equals("Event %s is no longer published".formatted(event))))
                                .filter(change -> unsampled.stream()
                                        .noneMatch(event ->
                                                change.equals("Event %s is no longer published".formatted(event))))
                                .forEach(change -> events.add(
                                        violated(lock, change + " (" + lock + "). Accept it with: " + updateCommand)));
                    }
                })
                .as("Events match their locked contracts")
                .because("a listener in another process reads the JSON it was built for, not the one you meant");
    }

    /**
     * Writes the current shapes to the lock file, unless a change would break listeners or a locked
     * event still in the code cannot be sampled (it would silently drop out of the lock).
     */
    public static void update(ModularApplication app, Path lockFile) {
        update(app, lockFile, java.util.Set.of());
    }

    /**
     * The same, retiring the named events even when their next version arrives in the same change
     * ({@link #retiredWithTheirSuccessor}); without them named, such an update is refused.
     */
    public static void update(ModularApplication app, Path lockFile, java.util.Set<String> retire) {
        var current = currentShapes(app);
        var early = retiredWithTheirSuccessor(locked(lockFile), current).keySet().stream()
                .filter(event -> !retire.contains(event))
                .toList();
        if (!early.isEmpty()) {
            throw new IllegalStateException("Not updating " + lockFile + ": " + String.join(", ", early)
                    + " would stop in the same change that brings the next version, while listeners in other"
                    + " processes still read it. Publish both until they have moved, or retire it on purpose with -D"
                    + RETIRE_PROPERTY + "=" + String.join(",", early));
        }
        var unsampled = lockedButUnsampled(app, locked(lockFile));
        if (!unsampled.isEmpty()) {
            throw new IllegalStateException(
                    "Not updating " + lockFile + ": " + String.join("; ", unsampled) + ". " + UNSAMPLED_FIX);
        }
        var breaking = breakingChanges(locked(lockFile), current);
        if (!breaking.isEmpty()) {
            throw new IllegalStateException("Not updating " + lockFile + ": " + String.join("; ", breaking)
                    + ". Raise the version of these events first.");
        }
        try {
            Files.writeString(
                    lockFile,
                    EventContractRules.json()
                                    .writer()
                                    .with(SerializationFeature.INDENT_OUTPUT)
                                    .writeValueAsString(current)
                            + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
