package io.seams.fitness;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.all;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import io.seams.fitness.ModuleCoupling.Kind;
import io.seams.fitness.ReadinessScore.Band;
import io.seams.fitness.ReadinessScore.Deduction;
import io.seams.fitness.ReadinessScore.Gate;
import io.seams.fitness.ReadinessScore.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * How ready each module is to be extracted into a service of its own: a score from 0 to 100 per
 * module, computed from the pack's own analysis of the classes, sources and migrations already
 * imported (no second import), and a ratchet that keeps it from falling.
 *
 * <h2>Hard gates</h2>
 *
 * Any one of them blocks the module (score 0, band {@link Band#BLOCKED}), each named with its file
 * and line:
 *
 * <ul>
 *   <li>{@code sync-cycle}: the module is in a cycle of synchronous dependencies (calls, injected
 *       components, shared types; events do not count) — the modules in it can only be deployed
 *       together;
 *   <li>{@code api-bypass}: its code, or its tests, use a type another module does not expose (a test
 *       outside every module that does so blocks the module whose internals it uses);
 *   <li>{@code foreign-data}: SQL in its code, or its migrations, name another module's schema;
 *   <li>{@code entity-crossing}: its API (interfaces, events and records it exposes) takes, returns or
 *       carries an aggregate or entity (jMolecules) or a type another module does not expose.
 * </ul>
 *
 * <h2>Dimensions and weights</h2>
 *
 * Each dimension is a value from 0 to 1 (1 minus its deductions, never below 0); the score is
 * their weighted mean times 100, rounded. Defaults (out of 100), each configurable with {@code
 * fitness.readiness.weight.<id>} (0 leaves a dimension out):
 *
 * <table>
 *   <caption>The dimensions of the readiness score</caption>
 *   <tr><th>id</th><th>weight</th><th>deductions</th></tr>
 *   <tr><td>{@code outbound-coupling}</td><td>20</td><td>per module it calls through an API interface 0.2
 *       (+0.02 per further method, at most 0.3); per module whose classes it calls 0.3; per module whose types
 *       alone it uses 0.05</td></tr>
 *   <tr><td>{@code inbound-coupling}</td><td>10</td><td>per module calling it 0.15; per module using its
 *       types 0.03; per module using its internals 0.5</td></tr>
 *   <tr><td>{@code event-share}</td><td>10</td><td>the share of its interactions with other modules (pairs of
 *       modules, either way) that are events rather than calls</td></tr>
 *   <tr><td>{@code api-remote-safety}</td><td>10</td><td>per method of its API interfaces that takes or returns
 *       something that cannot cross a process (rule {@code remote-safe-apis}) 0.25; per class of it other modules
 *       call (no remote client can stand in for a class) 0.25</td></tr>
 *   <tr><td>{@code data-autonomy}</td><td>15</td><td>SQL in its tests naming another module's schema 0.2 each;
 *       SQL in its code while no migrations folder of its own creates its tables 0.5</td></tr>
 *   <tr><td>{@code event-contracts}</td><td>10</td><td>per problem of an event it publishes (rule {@code
 *       event-contracts}: not a record, no versioned {@code @Externalized} name, ...) 0.25; per event not in the
 *       event lock, or whose locked shape differs, 0.25</td></tr>
 *   <tr><td>{@code transaction-locality}</td><td>10</td><td>per call to another module inside a transaction
 *       (rule {@code no-calls-in-transactions}) 0.34; per such call allowed with a reason 0.1; per synchronous
 *       listener to another module's events 0.25</td></tr>
 *   <tr><td>{@code blast-radius}</td><td>10</td><td>per module a failure or change of it reaches — those
 *       depending on it synchronously, and those calling them, transitively — 1 / (modules − 1)</td></tr>
 *   <tr><td>{@code co-change}</td><td>5</td><td>the share of its commits (among the last {@code
 *       fitness.readiness.history}, default 200, ending at the commit the baseline was accepted at) that
 *       changed another module too; without that history (no git, a shallow clone) the baseline's values, and
 *       without a baseline either, skipped (the others share its weight)</td></tr>
 * </table>
 *
 * <h2>Bands</h2>
 *
 * {@link Band#READY} at or above {@code fitness.readiness.band.ready} (80), {@link Band#EXTRACTABLE} at
 * or above {@code fitness.readiness.band.extractable} (60) — with the work its deductions list —, {@link
 * Band#ENTANGLED} below, {@link Band#BLOCKED} whenever a gate breaks. Shared modules (Spring Modulith's
 * {@code sharedModules}) go with every process: they are not scored, and using them costs nothing.
 *
 * <h2>Ratchet</h2>
 *
 * The scores are compared with a committed baseline ({@code fitness.readiness.baseline}, default
 * {@code src/test/resources/readiness-baseline.json}): the rule fails when a module's score falls
 * below its baseline, naming the dimensions that fell and the deductions that are new, or when a gate
 * breaks that the baseline does not record. Running with {@value #UPDATE_PROPERTY}{@code =true}
 * rewrites the baseline; when there is none yet, the first run writes it and says so (as frozen rules
 * create their store), so the ratchet starts from the first commit of that file.
 */
public final class Readiness {

    /** Set to {@code true} to rewrite the baseline from this build's scores. */
    public static final String UPDATE_PROPERTY = "fitness.update-readiness-baseline";

    /** The id of the rule {@link Fitness#tests()} runs. */
    public static final String RULE_ID = "extraction-readiness";

    /** The weighted dimensions of the score. */
    public enum Dimension {
        OUTBOUND_COUPLING("outbound-coupling", 20, "outbound synchronous coupling"),
        INBOUND_COUPLING("inbound-coupling", 10, "inbound synchronous coupling"),
        EVENT_SHARE("event-share", 10, "share of interactions that are events"),
        API_REMOTE_SAFETY("api-remote-safety", 10, "remote-safety of its API"),
        DATA_AUTONOMY("data-autonomy", 15, "data autonomy"),
        EVENT_CONTRACTS("event-contracts", 10, "event-contract hygiene"),
        TRANSACTION_LOCALITY("transaction-locality", 10, "transaction locality"),
        BLAST_RADIUS("blast-radius", 10, "blast radius"),
        CO_CHANGE("co-change", 5, "co-change with other modules");

        /** Its id in settings, reports and the baseline. */
        public final String id;
        /** Its weight unless {@code fitness.readiness.weight.<id>} says otherwise. */
        public final double defaultWeight;
        /** What it measures, in words. */
        public final String title;

        Dimension(String id, double defaultWeight, String title) {
            this.id = id;
            this.defaultWeight = defaultWeight;
            this.title = title;
        }

        static Dimension byId(String id) {
            return Stream.of(values())
                    .filter(dimension -> dimension.id.equals(id))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("fitness.readiness.weight." + id
                            + " names no dimension; the dimensions are "
                            + Stream.of(values()).map(dimension -> dimension.id).collect(Collectors.joining(", "))));
        }
    }

    /**
     * The readiness settings, from {@link FitnessSettings}.
     *
     * @param weights each dimension's weight
     * @param ready the lowest score that is {@link Band#READY}
     * @param extractable the lowest score that is {@link Band#EXTRACTABLE}
     * @param baseline the baseline file
     * @param update whether this run rewrites the baseline
     * @param history how many commits co-change reads (0: none)
     * @param acceptCommand the command that accepts new scores
     * @param reportFolder where readiness.json, readiness.md and readiness.sarif go
     * @param eventLock the event lock file, for the event-contract dimension
     */
    public record Settings(
            Map<Dimension, Double> weights,
            int ready,
            int extractable,
            Path baseline,
            boolean update,
            int history,
            String acceptCommand,
            Path reportFolder,
            Path eventLock) {

        static final String PREFIX = "fitness.readiness.";

        public static Settings of(FitnessSettings settings) {
            var values = settings.values();
            var weights = new EnumMap<Dimension, Double>(Dimension.class);
            for (var dimension : Dimension.values()) {
                weights.put(dimension, dimension.defaultWeight);
            }
            values.forEach((key, value) -> {
                if (key.startsWith(PREFIX + "weight.")) {
                    var dimension = Dimension.byId(key.substring((PREFIX + "weight.").length()));
                    var weight = number(key, value);
                    if (weight < 0) {
                        throw new IllegalArgumentException(key + "=" + value + ": a weight is 0 or more");
                    }
                    weights.put(dimension, weight);
                }
            });
            var ready = (int) number(PREFIX + "band.ready", values.getOrDefault(PREFIX + "band.ready", "80"));
            var extractable =
                    (int) number(PREFIX + "band.extractable", values.getOrDefault(PREFIX + "band.extractable", "60"));
            if (extractable > ready) {
                throw new IllegalArgumentException(PREFIX + "band.extractable (" + extractable + ") is above " + PREFIX
                        + "band.ready (" + ready + ")");
            }
            return new Settings(
                    Map.copyOf(weights),
                    ready,
                    extractable,
                    Path.of(values.getOrDefault(PREFIX + "baseline", "src/test/resources/readiness-baseline.json")),
                    Boolean.parseBoolean(values.getOrDefault(UPDATE_PROPERTY, "false")),
                    (int) number(PREFIX + "history", values.getOrDefault(PREFIX + "history", "200")),
                    settings.command() + " -D" + UPDATE_PROPERTY + "=true",
                    settings.reportFolder(),
                    settings.eventLock());
        }

        private static double number(String key, String value) {
            try {
                return Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + "=" + value + ": say a number", e);
            }
        }

        double weight(Dimension dimension) {
            return Objects.requireNonNull(weights.get(dimension)); // every dimension has its weight
        }

        Band band(int score) {
            return score >= ready ? Band.READY : score >= extractable ? Band.EXTRACTABLE : Band.ENTANGLED;
        }
    }

    /**
     * The scores of an application's modules.
     *
     * @param modules each scored module, by name
     * @param shared the shared modules, which go with every process and are not scored
     * @param calls synchronous calls between scored modules, caller → called
     * @param types other synchronous dependencies (types, internals), user → owner, where there is no call
     * @param events listener → publisher, between scored modules
     * @param history the commit co-change's window ends at, if history was read
     * @param historyNote what co-change read
     * @param settings the settings in force
     */
    public record Result(
            List<ReadinessScore> modules,
            List<String> shared,
            Map<String, Set<String>> calls,
            Map<String, Set<String>> types,
            Map<String, Set<String>> events,
            Optional<String> history,
            String historyNote,
            Settings settings) {

        /** The score of the named module. */
        public ReadinessScore module(String name) {
            return modules.stream()
                    .filter(score -> score.module().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no scored module " + name));
        }
    }

    private static final Pattern SOURCE_LINE = Pattern.compile("\\(([\\w$.-]+\\.java):(\\d+)\\)");

    private Readiness() {}

    /** The rule {@link Fitness#tests()} runs as {@value #RULE_ID}: scores, reports, and the ratchet. */
    public static ArchRule rule(Fitness fitness) {
        var app = fitness.application();
        var settings = fitness.settings();
        return all(Items.of(
                        "applications with modules to score",
                        () -> scoredModules(app).isEmpty() ? List.<ModularApplication>of() : List.of(app)))
                .should(
                        new ArchCondition<ModularApplication>(
                                "keep every module's extraction readiness at its baseline") {
                            @Override
                            public void check(ModularApplication application, ConditionEvents events) {
                                var started = System.nanoTime();
                                var result = of(application, settings);
                                ReadinessReport.write(result);
                                System.out.print(ReadinessReport.table(result));
                                System.out.printf(
                                        "[fitness] readiness scored in %d ms; reports in %s%n",
                                        (System.nanoTime() - started) / 1_000_000, settings.reportFolder());
                                ReadinessBaseline.ratchet(result)
                                        .forEach(problem -> events.add(violated(application, problem)));
                            }
                        })
                .as("Extraction readiness holds its baseline")
                .because("a module that drifts towards the others is one that can no longer be moved out cheaply");
    }

    /** The scores of the application's modules, with these settings. */
    public static Result of(ModularApplication app, FitnessSettings fitnessSettings) {
        var settings = Settings.of(fitnessSettings);
        var coupling = ModuleCoupling.of(app);
        var scored = scoredModules(app);
        var shared = app.moduleNames().stream()
                .filter(name -> !scored.contains(name))
                .sorted()
                .toList();
        var ledger = new Ledger(scored);

        cycles(coupling, scored, ledger);
        bypasses(coupling, scored, ledger);
        data(app, scored, ledger);
        entities(app, coupling, ledger);
        coupling(coupling, scored, ledger);
        remoteSafety(app, coupling, scored, ledger);
        eventContracts(app, settings, coupling, scored, ledger);
        transactions(app, fitnessSettings, coupling, ledger);
        blastRadius(coupling, scored, ledger);
        var baseline = ReadinessBaseline.read(settings.baseline());
        var history = coChange(app, settings, baseline, scored, ledger);

        var modules = new ArrayList<ReadinessScore>();
        for (var module : scored) {
            var dimensions = new ArrayList<ReadinessScore.Dimension>();
            for (var dimension : Dimension.values()) {
                var list = ledger.deductions(module, dimension);
                var skipped = dimension == Dimension.CO_CHANGE && history.skipped();
                var lost = list.stream().mapToDouble(Deduction::amount).sum();
                var value = dimension == Dimension.CO_CHANGE
                                && history.fromBaseline().containsKey(module)
                        ? history.fromBaseline().get(module)
                        : Math.max(0, 1 - lost);
                dimensions.add(new ReadinessScore.Dimension(
                        dimension.id,
                        settings.weight(dimension),
                        round(value),
                        list,
                        ledger.note(module, dimension),
                        skipped));
            }
            var moduleGates = ledger.gates(module).stream().distinct().toList();
            if (!moduleGates.isEmpty()) {
                modules.add(new ReadinessScore(module, 0, Band.BLOCKED, moduleGates, dimensions));
                continue;
            }
            var total = dimensions.stream()
                    .filter(dimension -> !dimension.skipped())
                    .mapToDouble(ReadinessScore.Dimension::weight)
                    .sum();
            var weighted = dimensions.stream()
                    .filter(dimension -> !dimension.skipped())
                    .mapToDouble(dimension -> dimension.weight() * dimension.value())
                    .sum();
            var score = total == 0 ? 100 : (int) Math.round(100 * weighted / total);
            modules.add(new ReadinessScore(module, score, settings.band(score), List.of(), dimensions));
        }

        var calls = new TreeMap<String, Set<String>>();
        var types = new TreeMap<String, Set<String>>();
        var events = new TreeMap<String, Set<String>>();
        for (var module : scored) {
            calls.put(module, filter(coupling.targets(module, ModuleCoupling.CALLING), scored));
            var other = filter(coupling.targets(module, ModuleCoupling.SYNCHRONOUS), scored);
            other.removeAll(calls.get(module));
            types.put(module, other);
            events.put(module, filter(coupling.targets(module, Set.of(Kind.EVENTS)), scored));
        }
        return new Result(modules, shared, calls, types, events, history.commit(), history.note(), settings);
    }

    /** The modules that are scored: every module but the shared ones. */
    static List<String> scoredModules(ModularApplication app) {
        var shared = app.modules().getSharedModules().stream()
                .map(ModularApplication::nameOf)
                .collect(Collectors.toSet());
        return app.moduleNames().stream()
                .filter(name -> !shared.contains(name))
                .sorted()
                .toList();
    }

    // --- gates ---

    private static void cycles(ModuleCoupling coupling, List<String> scored, Ledger ledger) {
        var graph = coupling.synchronousGraph();
        for (var module : scored) {
            for (var next : graph.getOrDefault(module, Set.of())) {
                var back = path(graph, next, module);
                if (back.isEmpty()) {
                    continue;
                }
                var cycle = new ArrayList<String>(List.of(module));
                cycle.addAll(back.get());
                var first = firstUse(coupling, module, next);
                ledger.gate(
                        module,
                        new Gate(
                                "sync-cycle",
                                "in a synchronous cycle " + String.join(" → ", cycle) + " (" + first.what() + ")",
                                first.location()));
                break;
            }
        }
    }

    private static ModuleCoupling.Use firstUse(ModuleCoupling coupling, String from, String to) {
        for (var kind : List.of(Kind.CALLS, Kind.CLASS_CALLS, Kind.INTERNALS, Kind.TYPES)) {
            var uses = coupling.uses(from, to, kind);
            if (!uses.isEmpty()) {
                return uses.get(0);
            }
        }
        return new ModuleCoupling.Use(to, Location.NOWHERE);
    }

    /** The path from {@code from} to {@code to} (both included), if there is one. */
    private static Optional<List<String>> path(Map<String, Set<String>> graph, String from, String to) {
        var parents = new HashMap<String, String>();
        var queue = new ArrayDeque<String>(List.of(from));
        parents.put(from, from);
        while (!queue.isEmpty()) {
            var current = queue.poll();
            if (current.equals(to)) {
                var path = new ArrayList<String>();
                for (var step = to; ; step = Objects.requireNonNull(parents.get(step))) {
                    path.add(0, step);
                    if (step.equals(from)) {
                        return Optional.of(path);
                    }
                }
            }
            for (var next : graph.getOrDefault(current, Set.of())) {
                if (!parents.containsKey(next)) {
                    parents.put(next, current);
                    queue.add(next);
                }
            }
        }
        return Optional.empty();
    }

    private static void bypasses(ModuleCoupling coupling, List<String> scored, Ledger ledger) {
        for (var module : scored) {
            for (var owner : coupling.targets(module, Set.of(Kind.INTERNALS))) {
                for (var use : coupling.uses(module, owner, Kind.INTERNALS)) {
                    ledger.gate(
                            module,
                            new Gate(
                                    "api-bypass",
                                    "uses %s, internal to module '%s'".formatted(use.what(), owner),
                                    use.location()));
                }
            }
        }
        coupling.testInternals()
                .forEach((tests, owners) -> owners.forEach((owner, types) -> types.forEach((type, location) -> {
                    var blocked = tests.isEmpty() ? owner : tests;
                    if (ledger.scores(blocked)) {
                        ledger.gate(
                                blocked,
                                new Gate(
                                        "api-bypass",
                                        tests.isEmpty()
                                                ? "a test outside every module uses %s, internal to it".formatted(type)
                                                : "its test uses %s, internal to module '%s'".formatted(type, owner),
                                        location));
                    }
                })));
    }

    private static void data(ModularApplication app, List<String> scored, Ledger ledger) {
        var schemas = DataOwnershipRules.schemas(app);
        var folders = DataOwnershipRules.migrationFolders(app);
        var tables = TableOwnership.of(app);
        for (var module : scored) {
            var packagePath = app.modules()
                    .getModuleByName(module)
                    .orElseThrow()
                    .getBasePackage()
                    .getName()
                    .replace('.', '/');
            var ownSql = false;
            for (var reference : SqlText.inJavaStrings(app.mainSources().resolve(packagePath), schemas)) {
                if (app.owns(module, reference.schema())) {
                    ownSql = true;
                } else {
                    ledger.gate(
                            module,
                            new Gate(
                                    "foreign-data",
                                    "SQL names %s, in schema '%s'".formatted(reference.text(), reference.schema()),
                                    new Location(reference.file().toString(), reference.line())));
                }
            }
            // Where modules share a schema, ownership is by table: the module whose migrations create it.
            for (var reference : SqlText.tablesInJavaStrings(app.mainSources().resolve(packagePath))) {
                tables.otherOwners(reference, module, null)
                        .forEach(other -> ledger.gate(
                                module,
                                new Gate(
                                        "foreign-data",
                                        "SQL names %s, a table of module '%s'".formatted(reference.text(), other),
                                        new Location(reference.file().toString(), reference.line()))));
            }
            for (var reference :
                    SqlText.tablesInJavaStringsExpectedToWork(app.testSources().resolve(packagePath))) {
                tables.otherOwners(reference, module, null)
                        .forEach(other -> ledger.deduct(
                                module,
                                Dimension.DATA_AUTONOMY,
                                new Deduction(
                                        "its tests' SQL names %s, a table of module '%s': they assume one database"
                                                .formatted(reference.text(), other),
                                        new Location(reference.file().toString(), reference.line()),
                                        0.2)));
            }
            for (var reference :
                    SqlText.inJavaStringsExpectedToWork(app.testSources().resolve(packagePath), schemas)) {
                if (!app.owns(module, reference.schema())) {
                    ledger.deduct(
                            module,
                            Dimension.DATA_AUTONOMY,
                            new Deduction(
                                    "its tests' SQL names %s, in schema '%s': they assume one database"
                                            .formatted(reference.text(), reference.schema()),
                                    new Location(reference.file().toString(), reference.line()),
                                    0.2));
                }
            }
            if (ownSql && !folders.isEmpty() && folders.stream().noneMatch(folder -> app.owns(module, folder))) {
                ledger.deduct(
                        module,
                        Dimension.DATA_AUTONOMY,
                        new Deduction(
                                "its SQL reads its schema, but no migrations folder of its own creates it",
                                new Location(app.migrations().toString(), 0),
                                0.5));
            }
        }
        for (var folder : folders) {
            var owner = app.moduleNames().contains(folder)
                    ? folder
                    : app.schemaOwners().getOrDefault(folder, folder);
            if (!ledger.scores(owner)) {
                continue;
            }
            var defaultSchema = TableOwnership.defaultSchema(app, folder);
            for (var file : sqlFiles(app.migrations().resolve(folder))) {
                for (var reference : SqlText.tablesInSql(file)) {
                    tables.otherOwners(reference, owner, defaultSchema)
                            .forEach(other -> ledger.gate(
                                    owner,
                                    new Gate(
                                            "foreign-data",
                                            "migration names %s, a table of module '%s'"
                                                    .formatted(reference.text(), other),
                                            new Location(file.toString(), reference.line()))));
                }
                for (var reference : SqlText.inSql(file, schemas)) {
                    if (!app.owns(owner, reference.schema())) {
                        ledger.gate(
                                owner,
                                new Gate(
                                        "foreign-data",
                                        "migration names %s, in schema '%s'"
                                                .formatted(reference.text(), reference.schema()),
                                        new Location(file.toString(), reference.line())));
                    }
                }
            }
        }
    }

    private static List<Path> sqlFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(".sql"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void entities(ModularApplication app, ModuleCoupling coupling, Ledger ledger) {
        for (var type : app.classes()) {
            if (!type.isTopLevelClass() || type.getSimpleName().equals("package-info")) {
                continue;
            }
            var module = coupling.moduleName(type.getPackageName());
            if (module.isEmpty() || !ledger.scores(module.get()) || !coupling.isExposed(module.get(), type)) {
                continue;
            }
            if (type.isInterface()) {
                for (var method : type.getMethods()) {
                    var involved =
                            new LinkedHashSet<JavaClass>(method.getReturnType().getAllInvolvedRawTypes());
                    method.getParameterTypes()
                            .forEach(parameter -> involved.addAll(parameter.getAllInvolvedRawTypes()));
                    crossing(coupling, involved)
                            .forEach(problem -> ledger.gate(
                                    module.get(),
                                    new Gate(
                                            "entity-crossing",
                                            "its API %s.%s %s"
                                                    .formatted(type.getSimpleName(), method.getName(), problem),
                                            lineOf(coupling.locationOf(type, method, false), method.getName() + "("))));
                }
            } else if (ModuleEvents.isEvent(type) || ModuleCoupling.isRecord(type)) {
                for (var field : type.getFields()) {
                    if (field.getModifiers().contains(JavaModifier.STATIC)) {
                        continue;
                    }
                    crossing(coupling, field.getType().getAllInvolvedRawTypes())
                            .forEach(problem -> ledger.gate(
                                    module.get(),
                                    new Gate(
                                            "entity-crossing",
                                            "its %s %s.%s %s"
                                                    .formatted(
                                                            ModuleEvents.isEvent(type) ? "event" : "API record",
                                                            type.getSimpleName(),
                                                            field.getName(),
                                                            problem),
                                            coupling.locationOf(type, type, false))));
                }
            }
        }
    }

    /** The location, with the first line holding {@code token} when it has none (abstract methods have no line). */
    private static Location lineOf(Location location, String token) {
        if (location.line() > 0) {
            return location;
        }
        try {
            var lines = Files.readAllLines(Path.of(location.file()));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(token)) {
                    return new Location(location.file(), i + 1);
                }
            }
        } catch (IOException | RuntimeException e) {
            // No source here: the file alone says where.
        }
        return location;
    }

    private static List<String> crossing(ModuleCoupling coupling, Collection<JavaClass> involved) {
        var problems = new ArrayList<String>();
        for (var raw : involved) {
            var type = raw.getBaseComponentType();
            if (isAggregateOrEntity(type)) {
                problems.add("carries %s, an aggregate or entity".formatted(type.getSimpleName()));
                continue;
            }
            coupling.moduleName(type.getPackageName())
                    .filter(owner -> !coupling.isExposed(owner, type))
                    .ifPresent(owner ->
                            problems.add("carries %s, internal to module '%s'".formatted(type.getName(), owner)));
        }
        return problems;
    }

    private static boolean isAggregateOrEntity(JavaClass type) {
        return type.isAssignableTo("org.jmolecules.ddd.types.AggregateRoot")
                || type.isAssignableTo("org.jmolecules.ddd.types.Entity")
                || type.isAnnotatedWith("org.jmolecules.ddd.annotation.AggregateRoot")
                || type.isAnnotatedWith("org.jmolecules.ddd.annotation.Entity");
    }

    // --- dimensions ---

    private static void coupling(ModuleCoupling coupling, List<String> scored, Ledger ledger) {
        for (var module : scored) {
            var outbound = ledger.deductions(module, Dimension.OUTBOUND_COUPLING);
            var inbound = ledger.deductions(module, Dimension.INBOUND_COUPLING);
            var share = ledger.deductions(module, Dimension.EVENT_SHARE);
            var calling = new TreeSet<String>();
            var eventPartners = new TreeSet<String>();
            for (var other : scored) {
                if (other.equals(module)) {
                    continue;
                }
                var calls = coupling.uses(module, other, Kind.CALLS);
                var classCalls = coupling.uses(module, other, Kind.CLASS_CALLS);
                if (!calls.isEmpty()) {
                    outbound.add(new Deduction(
                            "calls the API of %s: %s".formatted(other, whats(calls)),
                            calls.get(0).location(),
                            Math.min(0.3, 0.2 + 0.02 * (calls.size() - 1))));
                }
                if (!classCalls.isEmpty()) {
                    outbound.add(new Deduction(
                            "calls classes of %s: %s".formatted(other, whats(classCalls)),
                            classCalls.get(0).location(),
                            0.3));
                }
                var types = coupling.uses(module, other, Kind.TYPES);
                if (calls.isEmpty() && classCalls.isEmpty() && !types.isEmpty()) {
                    outbound.add(new Deduction(
                            "uses types of %s: %s".formatted(other, whats(types)),
                            types.get(0).location(),
                            0.05));
                }
                var theirCalls = new ArrayList<>(coupling.uses(other, module, Kind.CALLS));
                theirCalls.addAll(coupling.uses(other, module, Kind.CLASS_CALLS));
                if (!theirCalls.isEmpty()) {
                    inbound.add(new Deduction(
                            "%s calls it: %s".formatted(other, whats(theirCalls)),
                            theirCalls.get(0).location(),
                            0.15));
                } else if (!coupling.uses(other, module, Kind.TYPES).isEmpty()) {
                    var theirTypes = coupling.uses(other, module, Kind.TYPES);
                    inbound.add(new Deduction(
                            "%s uses its types: %s".formatted(other, whats(theirTypes)),
                            theirTypes.get(0).location(),
                            0.03));
                }
                var internals = coupling.uses(other, module, Kind.INTERNALS);
                if (!internals.isEmpty()) {
                    inbound.add(new Deduction(
                            "%s uses its internals: %s".formatted(other, whats(internals)),
                            internals.get(0).location(),
                            0.5));
                }
                if (!calls.isEmpty() || !classCalls.isEmpty()) {
                    calling.add(module + " calls " + other);
                }
                if (!theirCalls.isEmpty()) {
                    calling.add(other + " calls " + module);
                }
                if (coupling.uses(module, other, Set.of(Kind.EVENTS))) {
                    eventPartners.add(module + " listens to " + other);
                }
                if (coupling.uses(other, module, Set.of(Kind.EVENTS))) {
                    eventPartners.add(other + " listens to " + module);
                }
            }
            var interactions = calling.size() + eventPartners.size();
            for (var call : calling) {
                var ends = call.split(" calls ");
                var use = firstUse(coupling, ends[0], ends[1]);
                share.add(new Deduction(call + " synchronously", use.location(), 1.0 / interactions));
            }
            ledger.note(
                    module,
                    Dimension.EVENT_SHARE,
                    interactions == 0
                            ? "no interactions with other modules"
                            : "%d of %d interactions are events".formatted(eventPartners.size(), interactions));
        }
    }

    private static String whats(List<ModuleCoupling.Use> uses) {
        var names = uses.stream().map(ModuleCoupling.Use::what).distinct().toList();
        return names.size() <= 4
                ? String.join(", ", names)
                : String.join(", ", names.subList(0, 4)) + " and " + (names.size() - 4) + " more";
    }

    private static void remoteSafety(
            ModularApplication app, ModuleCoupling coupling, List<String> scored, Ledger ledger) {
        deductEachViolatingClass(
                ApiRules.moduleApisAreRemoteSafe(app),
                app,
                coupling,
                ledger,
                Dimension.API_REMOTE_SAFETY,
                (api, message) -> message);
        for (var module : scored) {
            var classes = new TreeMap<String, Location>();
            for (var other : scored) {
                if (!other.equals(module)) {
                    coupling.uses(other, module, Kind.CLASS_CALLS)
                            .forEach(use -> classes.putIfAbsent(
                                    use.what().substring(0, use.what().indexOf('.')), use.location()));
                }
            }
            classes.forEach((type, location) -> ledger.deduct(
                    module,
                    Dimension.API_REMOTE_SAFETY,
                    new Deduction(
                            "other modules call its class %s: a remote client needs an interface".formatted(type),
                            location,
                            0.25)));
        }
    }

    private static void eventContracts(
            ModularApplication app, Settings settings, ModuleCoupling coupling, List<String> scored, Ledger ledger) {
        var published = new TreeMap<String, Integer>();
        app.classes().stream()
                .filter(EventContractRules.moduleEvents())
                .forEach(event -> coupling.moduleName(event.getPackageName())
                        .ifPresent(module -> published.merge(module, 1, Integer::sum)));
        deductEachViolatingClass(
                EventContractRules.eventsAreSafeContracts(app),
                app,
                coupling,
                ledger,
                Dimension.EVENT_CONTRACTS,
                (event, message) -> message.replace(event.getName(), event.getSimpleName())
                        .replaceAll(" \\([\\w$.-]+\\.java\\)", ""));
        var locked = EventContractLock.locked(settings.eventLock());
        var current = EventContractLock.currentShapes(app);
        EventContractLock.externalizedEvents(app)
                .forEach((name, type) -> coupling.moduleName(type.getPackageName())
                        .filter(ledger::scores)
                        .ifPresent(module -> {
                            var location = coupling.locationOf(
                                    app.classes().get(type), app.classes().get(type), false);
                            if (!locked.containsKey(name)) {
                                ledger.deduct(
                                        module,
                                        Dimension.EVENT_CONTRACTS,
                                        new Deduction(
                                                "%s (%s) is not in the event lock"
                                                        .formatted(type.getSimpleName(), name),
                                                location,
                                                0.25));
                            } else if (current.containsKey(name)
                                    && !EventContractLock.matchesLocked(locked.get(name), current.get(name))) {
                                ledger.deduct(
                                        module,
                                        Dimension.EVENT_CONTRACTS,
                                        new Deduction(
                                                "%s (%s) differs from its locked shape"
                                                        .formatted(type.getSimpleName(), name),
                                                location,
                                                0.25));
                            }
                        }));
        for (var module : scored) {
            var count = published.getOrDefault(module, 0);
            ledger.note(
                    module,
                    Dimension.EVENT_CONTRACTS,
                    count == 0 ? "publishes no events" : "publishes %d event type(s)".formatted(count));
        }
    }

    private static void transactions(
            ModularApplication app, FitnessSettings settings, ModuleCoupling coupling, Ledger ledger) {
        var allowed = settings.allowedInTransaction().orElse("");
        TransactionRules.noCallsToOtherModulesInTransactions(app, allowed, settings.transactionAnnotations())
                .evaluate(app.classes())
                .handleViolations((Collection<JavaMethod> methods, String message) ->
                        methods.forEach(method -> addMethodDeduction(app, coupling, ledger, method, message, 0.34)));
        TransactionRules.listenersToOtherModulesAreAsynchronous(app)
                .evaluate(app.classes())
                .handleViolations((Collection<JavaMethod> methods, String message) ->
                        methods.forEach(method -> addMethodDeduction(app, coupling, ledger, method, message, 0.25)));
        if (!allowed.isBlank()) {
            for (var call : TransactionRules.allowedCallsInTransactions(app, allowed)) {
                var method = call.substring(0, call.indexOf('('));
                var className = method.substring(0, method.lastIndexOf('.'));
                var packageName = className.substring(0, Math.max(0, className.lastIndexOf('.')));
                coupling.moduleName(packageName)
                        .filter(ledger::scores)
                        .ifPresent(module -> ledger.deduct(
                                module,
                                Dimension.TRANSACTION_LOCALITY,
                                new Deduction(
                                        "allowed call inside a transaction: "
                                                + call.substring(className.lastIndexOf('.') + 1)
                                                        .replaceAll("\\(.*?\\)", "()"),
                                        app.classes().contain(className)
                                                ? new Location(
                                                        coupling.fileOf(
                                                                        app.classes()
                                                                                .get(className),
                                                                        false)
                                                                .toString(),
                                                        0)
                                                : Location.NOWHERE,
                                        0.1)));
            }
        }
    }

    /**
     * The class of the source file a message names ({@code Repricer.java}): the method's own class,
     * or, when the call was reached through another class, that class, looked up in the method's
     * module first.
     */
    private static JavaClass classInFile(ModularApplication app, JavaClass owner, String file) {
        if (HygieneRules.fileOf(owner).equals(file)) {
            return owner;
        }
        var module = app.moduleOf(owner);
        return app.classes().stream()
                .filter(type -> HygieneRules.fileOf(type).equals(file) && type.isTopLevelClass())
                .min(Comparator.comparing((JavaClass type) -> app.moduleOf(type).equals(module) ? 0 : 1))
                .orElse(owner);
    }

    private static void addMethodDeduction(
            ModularApplication app,
            ModuleCoupling coupling,
            Ledger ledger,
            JavaMethod method,
            String message,
            double amount) {
        coupling.moduleName(method.getOwner().getPackageName())
                .filter(ledger::scores)
                .ifPresent(module -> {
                    var line = SOURCE_LINE.matcher(message);
                    var location = line.find()
                            ? new Location(
                                    coupling.fileOf(classInFile(app, method.getOwner(), line.group(1)), false)
                                            .toString(),
                                    Integer.parseInt(line.group(2)))
                            : coupling.locationOf(method.getOwner(), method, false);
                    ledger.deduct(
                            module,
                            Dimension.TRANSACTION_LOCALITY,
                            new Deduction(
                                    withoutFix(message.replace(method.getOwner().getPackageName() + ".", "")
                                            .replaceAll("\\([^)]*\\)", "()")
                                            .replace(" ()", "")),
                                    location,
                                    amount));
                });
    }

    /**
     * The modules a failure or change of {@code module} reaches: those depending on it synchronously
     * (calls, types), and, from each of them, the modules calling it, transitively. A module using
     * only another's types is not reached through that one's calls.
     */
    private static void blastRadius(ModuleCoupling coupling, List<String> scored, Ledger ledger) {
        for (var module : scored) {
            var reached = new LinkedHashMap<String, String>();
            var queue = new ArrayDeque<String>();
            for (var other : scored) {
                if (!other.equals(module) && coupling.uses(other, module, ModuleCoupling.SYNCHRONOUS)) {
                    reached.put(other, other + " depends on it");
                    queue.add(other);
                }
            }
            while (!queue.isEmpty()) {
                var through = queue.poll();
                for (var caller : scored) {
                    if (!caller.equals(module)
                            && !reached.containsKey(caller)
                            && coupling.uses(caller, through, ModuleCoupling.CALLING)) {
                        reached.put(caller, caller + " calls " + through + ", which depends on it");
                        queue.add(caller);
                    }
                }
            }
            var others = Math.max(1, scored.size() - 1);
            new TreeMap<>(reached)
                    .values()
                    .forEach(cause -> ledger.deduct(
                            module, Dimension.BLAST_RADIUS, new Deduction(cause, Location.NOWHERE, 1.0 / others)));
            ledger.note(
                    module,
                    Dimension.BLAST_RADIUS,
                    reached.isEmpty()
                            ? "no other module depends on it synchronously"
                            : "%d of %d other modules depend on it synchronously: %s"
                                    .formatted(
                                            reached.size(),
                                            scored.size() - 1,
                                            String.join(", ", new TreeSet<>(reached.keySet()))));
        }
    }

    record History(Optional<String> commit, boolean skipped, Map<String, Double> fromBaseline, String note) {}

    private static History coChange(
            ModularApplication app,
            Settings settings,
            Optional<Map<String, Object>> baseline,
            List<String> scored,
            Ledger ledger) {
        if (settings.history() <= 0 || settings.weight(Dimension.CO_CHANGE) == 0) {
            scored.forEach(module ->
                    ledger.note(module, Dimension.CO_CHANGE, "off (fitness.readiness.history=0 or its weight 0)"));
            return new History(Optional.empty(), true, Map.of(), "co-change off");
        }
        var folder = Path.of("");
        var anchor = settings.update() ? Optional.<String>empty() : baseline.flatMap(ReadinessBaseline::historyCommit);
        var commit = anchor.or(() -> CoChange.head(folder));
        var history = commit.flatMap(at -> CoChange.read(folder, at, settings.history(), CoChange.fileMapping(app)));
        if (history.isEmpty()) {
            var recorded = baseline.map(ReadinessBaseline::coChange).orElse(Map.of());
            if (recorded.isEmpty()) {
                scored.forEach(module -> ledger.note(module, Dimension.CO_CHANGE, "skipped: no git history here"));
                return new History(Optional.empty(), true, Map.of(), "co-change skipped: no git history here");
            }
            var values = new TreeMap<String, Double>();
            recorded.forEach((module, recordedDimension) -> {
                if (ledger.scores(module)) {
                    values.put(module, recordedDimension.value());
                    recordedDimension
                            .causes()
                            .forEach(cause -> ledger.deduct(
                                    module,
                                    Dimension.CO_CHANGE,
                                    new Deduction(cause, Location.NOWHERE, 1 - recordedDimension.value())));
                    ledger.note(module, Dimension.CO_CHANGE, "from the baseline: its commit is not in this checkout");
                }
            });
            return new History(
                    anchor, false, values, "co-change from the baseline (its commit is not in this checkout)");
        }
        var modules = Set.copyOf(scored);
        for (var module : scored) {
            var commits = history.get().commits(module);
            if (commits == 0) {
                ledger.note(
                        module,
                        Dimension.CO_CHANGE,
                        "no commit among the last %d touches it".formatted(settings.history()));
                continue;
            }
            var withOthers = history.get().commitsWithOthers(module, modules);
            var partners = history.get().partners(module, modules).entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(3)
                    .map(entry -> entry.getKey() + " " + entry.getValue())
                    .collect(Collectors.joining(", "));
            if (withOthers > 0) {
                ledger.deduct(
                        module,
                        Dimension.CO_CHANGE,
                        new Deduction(
                                "changed with other modules in %d of its %d commits (%s)"
                                        .formatted(withOthers, commits, partners),
                                Location.NOWHERE,
                                (double) withOthers / commits));
            }
            ledger.note(
                    module,
                    Dimension.CO_CHANGE,
                    "%d of the last %d commits (up to %s) touch it"
                            .formatted(commits, settings.history(), shortCommit(commit.get())));
        }
        return new History(
                commit,
                false,
                Map.of(),
                "co-change over the last %d commits up to %s".formatted(settings.history(), shortCommit(commit.get())));
    }

    static String shortCommit(String commit) {
        return commit.length() > 10 ? commit.substring(0, 10) : commit;
    }

    private static Set<String> filter(Set<String> modules, List<String> scored) {
        return modules.stream().filter(scored::contains).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * A deduction of 0.25 in {@code dimension} from the module of each class {@code rule} reports,
     * for each of its violations, the message worded by {@code wording} and without its fix.
     */
    private static void deductEachViolatingClass(
            com.tngtech.archunit.lang.ArchRule rule,
            ModularApplication app,
            ModuleCoupling coupling,
            Ledger ledger,
            Dimension dimension,
            java.util.function.BiFunction<JavaClass, String, String> wording) {
        rule.evaluate(app.classes())
                .handleViolations((Collection<JavaClass> types, String message) ->
                        types.forEach(type -> coupling.moduleName(type.getPackageName())
                                .filter(ledger::scores)
                                .ifPresent(module -> ledger.deduct(
                                        module,
                                        dimension,
                                        new Deduction(
                                                withoutFix(wording.apply(type, message)),
                                                coupling.locationOf(type, type, false),
                                                0.25)))));
    }

    /**
     * What the checks find, module by module: the gates that block a module and the deductions and
     * notes of each dimension. Only the scored modules have an entry; a finding about another module
     * has nowhere to go ({@link #scores(String)} says so first).
     */
    private static final class Ledger {

        private final Map<String, List<Gate>> gates = new TreeMap<>();
        private final Map<String, Map<Dimension, List<Deduction>>> deductions = new TreeMap<>();
        private final Map<String, Map<Dimension, String>> notes = new TreeMap<>();

        Ledger(List<String> scored) {
            for (var module : scored) {
                gates.put(module, new ArrayList<>());
                var byDimension = new EnumMap<Dimension, List<Deduction>>(Dimension.class);
                for (var dimension : Dimension.values()) {
                    byDimension.put(dimension, new ArrayList<>());
                }
                deductions.put(module, byDimension);
                notes.put(module, new EnumMap<>(Dimension.class));
            }
        }

        boolean scores(String module) {
            return gates.containsKey(module);
        }

        List<Gate> gates(String module) {
            return scored(gates.get(module), module);
        }

        void gate(String module, Gate gate) {
            gates(module).add(gate);
        }

        List<Deduction> deductions(String module, Dimension dimension) {
            return scored(scored(deductions.get(module), module).get(dimension), module);
        }

        void deduct(String module, Dimension dimension, Deduction deduction) {
            deductions(module, dimension).add(deduction);
        }

        String note(String module, Dimension dimension) {
            return scored(notes.get(module), module).getOrDefault(dimension, "");
        }

        void note(String module, Dimension dimension, String note) {
            scored(notes.get(module), module).put(dimension, note);
        }

        private static <T> T scored(@Nullable T entry, String module) {
            if (entry == null) {
                throw new IllegalArgumentException("Module '" + module + "' is not scored");
            }
            return entry;
        }
    }

    private static String withoutFix(String message) {
        var fix = message.indexOf(" Fix:");
        var text = (fix < 0 ? message : message.substring(0, fix)).trim();
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
