package io.seams.fitness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * An application's conventions, as the rules need them: read from {@code fitness.properties} on the
 * test class path, then from system properties of the same names ({@code -Dfitness.rule.onion=off}),
 * which win. Every key is optional; docs/fitness.md lists them with their defaults.
 *
 * <pre>{@code
 * fitness.command=./mvnw verify
 * fitness.migrations=src/main/resources/db/migration
 * fitness.schema-owners=events:platform
 * fitness.allowed-in-transaction=com.example.AllowedInTransaction
 * fitness.rule.use-case-names=off
 * fitness.rule.no-field-injection=frozen
 * }</pre>
 *
 * @param values every {@code fitness.*} setting given, by key
 */
public record FitnessSettings(Map<String, String> values) {

    /** The file read from the test class path. */
    public static final String FILE = "fitness.properties";

    static final String PREFIX = "fitness.";

    /** How a rule runs: checked, switched off, or checked against its frozen violations. */
    public enum Mode {
        ON,
        OFF,
        FROZEN
    }

    public FitnessSettings {
        values = Map.copyOf(values);
    }

    /** {@code fitness.properties} from the class path (if there is one), overridden by system properties. */
    public static FitnessSettings load() {
        var values = new LinkedHashMap<String, String>();
        try (InputStream file = Thread.currentThread().getContextClassLoader().getResourceAsStream(FILE)) {
            if (file != null) {
                var properties = new Properties();
                properties.load(file);
                properties
                        .stringPropertyNames()
                        .forEach(key ->
                                values.put(key, properties.getProperty(key).trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FILE, e);
        }
        System.getProperties().stringPropertyNames().stream()
                .filter(key -> key.startsWith(PREFIX))
                .forEach(key -> values.put(key, System.getProperty(key).trim()));
        return new FitnessSettings(values);
    }

    /** These settings with one more (or another) value: {@code with("fitness.rule.onion", "off")}. */
    public FitnessSettings with(String key, String value) {
        var changed = new LinkedHashMap<>(values);
        changed.put(key.startsWith(PREFIX) ? key : PREFIX + key, value);
        return new FitnessSettings(changed);
    }

    /** The command that runs the fitness tests, quoted in messages that say how to accept a change. */
    public String command() {
        return get("command").orElse("mvn verify");
    }

    /** The production Java sources, for the rules that read source text. */
    public Path mainSources() {
        return path("sources.main", "src/main/java");
    }

    /** The test Java sources. */
    public Path testSources() {
        return path("sources.test", "src/test/java");
    }

    /** The folder holding one folder of migrations per module, and Spring Modulith's {@code __root} if it uses that layout. */
    public Path migrations() {
        return path("migrations", "src/main/resources/db/migration");
    }

    /** Schemas a module owns besides the one named after it: {@code schema:module,schema:module}. */
    public Map<String, String> schemaOwners() {
        var owners = new LinkedHashMap<String, String>();
        list("schema-owners").forEach(pair -> {
            var parts = pair.split(":", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException(
                        "fitness.schema-owners: '" + pair + "' is not schema:module (e.g. events:platform)");
            }
            owners.put(parts[0].trim(), parts[1].trim());
        });
        return owners;
    }

    /** The event contract lock file. */
    public Path eventLock() {
        return path("event-lock", "src/test/resources/event-contracts.lock.json");
    }

    /** Whether this run writes the event lock instead of checking it ({@code -Dfitness.update-event-lock=true}). */
    public boolean updateEventLock() {
        return Boolean.parseBoolean(get("update-event-lock").orElse("false"));
    }

    /**
     * Locked events an update of the lock may retire although their next version arrives in the
     * same change ({@code -Dfitness.retire-events=orders.OrderPlaced.v1}).
     */
    public java.util.Set<String> retiredEvents() {
        return java.util.Set.copyOf(list("retire-events"));
    }

    /** The command that accepts a change to the event contracts. */
    public String eventLockUpdateCommand() {
        return command() + " -D" + EventContractLock.UPDATE_PROPERTY + "=true";
    }

    /** Annotations that mean "this method opens a transaction", besides Spring's and Jakarta's. */
    public List<String> transactionAnnotations() {
        return list("transaction-annotations");
    }

    /** The annotation that allows a call to another module inside a transaction (with a reason), if any. */
    public Optional<String> allowedInTransaction() {
        return get("allowed-in-transaction");
    }

    /** Packages only the platform may use, as ArchUnit package patterns ({@code com.example.topology..}). */
    public List<String> topologyPackages() {
        return list("topology-packages");
    }

    /** Where report.json and report.sarif are written. */
    public Path reportFolder() {
        return path("report", "target/fitness");
    }

    /** Where frozen rules keep their known violations (commit this folder). */
    public Path freezeStore() {
        return path("freeze-store", "src/test/resources/fitness-frozen");
    }

    /** Whether frozen rules record their current violations as the new baseline. */
    public boolean refreeze() {
        return Boolean.parseBoolean(get("refreeze").orElse("false"));
    }

    /** The JDBC URL of a PostgreSQL server for the database rule; absent: an embedded one. */
    public Optional<String> databaseUrl() {
        return get("database.url");
    }

    public String databaseUsername() {
        return get("database.username").orElse("postgres");
    }

    public String databasePassword() {
        return get("database.password").orElse("");
    }

    /** How the rule with this id runs: {@code fitness.rule.<id>=on|off|frozen}, on by default. */
    public Mode mode(String ruleId) {
        var value = get("rule." + ruleId).orElse("on");
        try {
            return Mode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fitness.rule." + ruleId + "=" + value + ": say on, off or frozen", e);
        }
    }

    /** The rule ids named in {@code fitness.rule.*} settings, to check that each names a rule. */
    public List<String> namedRules() {
        return values.keySet().stream()
                .filter(key -> key.startsWith(PREFIX + "rule."))
                .map(key -> key.substring((PREFIX + "rule.").length()))
                .sorted()
                .toList();
    }

    private Optional<String> get(String key) {
        return Optional.ofNullable(values.get(PREFIX + key)).filter(value -> !value.isBlank());
    }

    private Path path(String key, String otherwise) {
        return Path.of(get(key).orElse(otherwise));
    }

    private List<String> list(String key) {
        return get(key).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(item -> !item.isEmpty())
                .toList();
    }
}
