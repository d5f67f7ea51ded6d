package io.seams.fitness;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks rules and says what each one did: passed, failed, or found nothing to check. A rule whose
 * {@code that()} matched nothing (no API interfaces, no jMolecules types) passes in ArchUnit
 * without a word; here it prints a line naming the rule and what it needs, and every result goes
 * to {@code report.json} and {@code report.sarif} (SARIF 2.1.0: rules, a result per violation, a
 * notification per rule with nothing to check) in the report's folder.
 *
 * <pre>{@code
 * static final FitnessReport report = FitnessReport.inFolder(Path.of("target/fitness"));
 * report.check(ApiRules.moduleApisAreRemoteSafe(app), app.classes());
 * }</pre>
 */
public final class FitnessReport {

    /** What a rule did. */
    public enum Status {
        PASSED("passed"),
        FAILED("failed"),
        NOTHING_TO_CHECK("nothing-to-check"),
        OFF("off");

        final String text;

        Status(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * One rule's outcome.
     *
     * @param rule the rule's name (its description without the {@code because})
     * @param status passed, failed or nothing-to-check
     * @param reason why there was nothing to check (and what the rule needs), or which part found nothing
     * @param violations the violations' messages
     */
    public record Entry(String rule, Status status, String reason, List<String> violations) {

        /** The rule's id in the SARIF report: its name in kebab case. */
        public String id() {
            return rule.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        }
    }

    private static final String EMPTY_SHOULD = "failed to check any classes";
    private static final Pattern RULE_NAME = Pattern.compile("Rule '(.*?)' failed to check any classes");
    private static final Pattern LOCATION = Pattern.compile("\\(([\\w$.-]+\\.(?:java|sql|json))(?::(\\d+))?\\)");

    private final Path folder;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, String> ids = new LinkedHashMap<>();

    private FitnessReport(Path folder) {
        this.folder = folder;
    }

    /** A report written to {@code folder} ({@code target/fitness}). */
    public static FitnessReport inFolder(Path folder) {
        return new FitnessReport(folder);
    }

    /**
     * Evaluates the rule, records and writes its outcome, says so on the console when it found
     * nothing to check, and fails like {@link ArchRule#check} when it is violated.
     */
    public void check(ArchRule rule, JavaClasses classes) {
        check(null, rule, classes);
    }

    /** The same, the rule reported under {@code id} (its {@code fitness.rule.<id>}) in report.json and SARIF. */
    public void check(@Nullable String id, ArchRule rule, JavaClasses classes) {
        var entry = evaluate(rule, classes);
        synchronized (entries) {
            if (id != null) {
                ids.put(entry.rule(), id);
            }
            entries.put(entry.rule(), entry);
            write();
        }
        if (entry.status() == Status.NOTHING_TO_CHECK || !entry.reason().isEmpty()) {
            System.out.println("[fitness] " + entry.status().text.toUpperCase(Locale.ROOT)
                    + (id == null ? "" : " " + id) + ": '" + entry.rule() + "' " + entry.reason());
        }
        if (entry.status() == Status.FAILED) {
            throw new AssertionError("Architecture Violation - Rule '" + rule.getDescription() + "' was violated ("
                    + entry.violations().size() + " times):\n" + String.join("\n", entry.violations()));
        }
    }

    /** Records that a rule was switched off, and why, without running it. */
    public void off(String rule, String reason) {
        synchronized (entries) {
            entries.put(rule, new Entry(rule, Status.OFF, reason, List.of()));
            write();
        }
        System.out.println("[fitness] OFF: '" + rule + "' " + reason);
    }

    /** The rule's outcome on these classes, without recording it. */
    public static Entry evaluate(ArchRule rule, JavaClasses classes) {
        var name = nameOf(rule);
        EvaluationResult result;
        try {
            // Forbidding an empty should makes ArchUnit say when the that() clause matched nothing,
            // before checking anything: no second evaluation for the rules that do check something.
            result = rule.allowEmptyShould(false).evaluate(classes);
        } catch (AssertionError e) {
            if (e.getMessage() == null || !e.getMessage().contains(EMPTY_SHOULD)) {
                throw e;
            }
            var nothing = nothingToCheck(rule, name, e);
            if (nothing.status() == Status.NOTHING_TO_CHECK) {
                return nothing;
            }
            // A part of a composite rule found nothing: the other parts still count.
            var violations = rule.evaluate(classes);
            if (violations.hasViolation()) {
                return new Entry(
                        name,
                        Status.FAILED,
                        nothing.reason(),
                        violations.getFailureReport().getDetails());
            }
            return nothing;
        }
        if (result.hasViolation()) {
            return new Entry(name, Status.FAILED, "", result.getFailureReport().getDetails());
        }
        return new Entry(name, Status.PASSED, "", List.of());
    }

    private static Entry nothingToCheck(ArchRule rule, String name, AssertionError e) {
        var matcher = RULE_NAME.matcher(String.valueOf(e.getMessage()));
        var part = matcher.find() ? nameOf(matcher.group(1)) : name;
        if (rule instanceof CompositeArchRule && !part.equals(name)) {
            // One part of a composite found nothing; the others did check something.
            return new Entry(
                    name, Status.PASSED, "passed, but its part '%s' found nothing to check".formatted(part), List.of());
        }
        return new Entry(
                name,
                Status.NOTHING_TO_CHECK,
                "found nothing to check: nothing matched what it applies to (" + part + "). It needs " + needsOf(name)
                        + "; if the application has none, the rule vouches for nothing",
                List.of());
    }

    /** What each rule of the pack needs to find in an application to have something to check. */
    static String needsOf(String rule) {
        return NEEDS.entrySet().stream()
                .filter(need -> rule.startsWith(need.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("classes matching the rule's that() clause");
    }

    private static final String TABLES_OF_MODULES = "tables a module owns: in its own schema, or, where modules share a"
            + " schema (Spring Modulith's db/migration/<module> folders, unqualified tables in public), created by"
            + " the module's own migrations folder (CREATE TABLE or VIEW). When modules share a schema and no"
            + " module's folder creates a table (what only __root creates belongs to no module), whose table is"
            + " whose cannot be told";

    private static final Map<String, String> NEEDS = Map.ofEntries(
            Map.entry(
                    "Module APIs are remote-safe",
                    "interfaces in a module's root package or named interfaces, or public Spring beans"
                            + " (@Service, @Component) there"),
            Map.entry(
                    "DDD building blocks", "jMolecules DDD types or annotations (aggregates, entities, value objects)"),
            Map.entry("Modules are built as a simplified onion", "jMolecules onion ring annotations"),
            Map.entry("The domain knows no framework", "a domain package, a @DomainRing or jMolecules DDD types"),
            Map.entry(
                    "No calls to other modules inside transactions",
                    "@Transactional methods, transactional listeners or TransactionTemplate blocks"),
            Map.entry("Listeners to other modules' events", "@EventListener methods"),
            Map.entry("The web layer", "a web package in a module"),
            Map.entry("Repositories are named", "jMolecules repositories in a module"),
            Map.entry(
                    "Events are safe contracts",
                    "jMolecules domain events, @Externalized types, or types one module publishes or registers"
                            + " and another listens to"),
            Map.entry("Tests use other modules only through their API", "test classes under the application's package"),
            Map.entry("Module SQL names only its own schema", TABLES_OF_MODULES),
            Map.entry(
                    "Migrations change only their own schema",
                    "migrations folders under fitness.migrations, and " + TABLES_OF_MODULES),
            Map.entry(
                    "No database object crosses schemas",
                    "migrations folders under fitness.migrations, and " + TABLES_OF_MODULES));

    private static String nameOf(ArchRule rule) {
        return nameOf(rule.getDescription());
    }

    private static String nameOf(String description) {
        var because = description.indexOf(", because ");
        return because < 0 ? description : description.substring(0, because);
    }

    /** The outcomes recorded so far, in the order the rules ran. */
    public List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries.values());
        }
    }

    private void write() {
        var json =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("report.json"), json.writeValueAsString(reportJson()) + "\n");
            Files.writeString(folder.resolve("report.sarif"), json.writeValueAsString(sarif()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String idOf(Entry entry) {
        return ids.getOrDefault(entry.rule(), entry.id());
    }

    private Map<String, Object> reportJson() {
        var rules = new ArrayList<Map<String, Object>>();
        for (var entry : entries.values()) {
            var rule = new LinkedHashMap<String, Object>();
            rule.put("id", idOf(entry));
            rule.put("rule", entry.rule());
            rule.put("status", entry.status().text);
            rule.put("reason", entry.reason());
            rule.put("violations", entry.violations().size());
            rule.put("details", entry.violations());
            rules.add(rule);
        }
        var counts = new LinkedHashMap<String, Object>();
        for (var status : Status.values()) {
            counts.put(
                    status.text,
                    entries.values().stream()
                            .filter(entry -> entry.status() == status)
                            .count());
        }
        var report = new LinkedHashMap<String, Object>();
        report.put("counts", counts);
        report.put("rules", rules);
        return report;
    }

    private Map<String, Object> sarif() {
        var rules = new ArrayList<Map<String, Object>>();
        var results = new ArrayList<Map<String, Object>>();
        var notifications = new ArrayList<Map<String, Object>>();
        for (var entry : entries.values()) {
            rules.add(
                    Map.of("id", idOf(entry), "name", entry.rule(), "shortDescription", Map.of("text", entry.rule())));
            for (var violation : entry.violations()) {
                var location = LOCATION.matcher(violation);
                var found = location.find();
                results.add(Sarif.result(
                        idOf(entry),
                        "error",
                        violation,
                        found ? location.group(1) : "",
                        found && location.group(2) != null ? Integer.parseInt(location.group(2)) : 0));
            }
            if (entry.status() == Status.NOTHING_TO_CHECK) {
                notifications.add(Map.of(
                        "descriptor", Map.of("id", idOf(entry)),
                        "level", "warning",
                        "message", Map.of("text", "'" + entry.rule() + "' " + entry.reason())));
            }
        }
        return Sarif.log("seams-fitness", rules, results, notifications);
    }
}
