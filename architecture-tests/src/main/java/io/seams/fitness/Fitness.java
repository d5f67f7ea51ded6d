package io.seams.fitness;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Every rule of the pack on one application, in one call. An adopting team writes one test class:
 *
 * <pre>{@code
 * class ArchitectureFitnessTests {
 *
 *     @TestFactory
 *     Stream<DynamicTest> fitness() {
 *         return Fitness.of(MyApplication.class).tests();
 *     }
 * }
 * }</pre>
 *
 * <p>Conventions come from {@link FitnessSettings} ({@code fitness.properties} on the test class
 * path, or system properties): where sources and migrations are, which schemas a module owns,
 * the lock file, the command quoted in messages, and per rule {@code on}, {@code off} or {@code
 * frozen} (known violations recorded in {@code fitness.freeze-store} are tolerated, new ones fail).
 * Each rule is one dynamic test named by its id; a switched-off rule shows as skipped. Every
 * outcome, including "found nothing to check", goes to the console and to {@code report.json} and
 * {@code report.sarif} in {@code fitness.report}.
 */
public final class Fitness {

    /**
     * One rule of the pack.
     *
     * @param id its stable id, used in {@code fitness.rule.<id>} settings
     * @param family the rule family (docs/fitness.md numbers them 1 to 11)
     * @param rule the rule on the application
     * @param onTests whether it checks the test classes rather than the production classes
     */
    public record Rule(String id, int family, Function<Fitness, ArchRule> rule, boolean onTests) {}

    private static final List<Rule> RULES = List.of(
            new Rule("module-apis", 1, f -> ModuleRules.modulesUseOnlyApisOfDeclaredDependencies(f.app), false),
            new Rule("classes-in-modules", 1, f -> ModuleRules.everyClassBelongsToAModule(f.app), false),
            new Rule("declared-dependencies", 1, f -> ModuleRules.modulesDeclareTheirDependencies(f.app), false),
            new Rule("no-module-cycles", 1, f -> ModuleRules.modulesHaveNoSynchronousCycles(f.app), false),
            new Rule("remote-safe-apis", 1, f -> ApiRules.moduleApisAreRemoteSafe(f.app), false),
            new Rule(
                    "apis-implemented-by-their-module", 1, f -> ApiRules.apisAreImplementedByTheirModule(f.app), false),
            new Rule("apis-show-only-api-types", 1, f -> ApiRules.apisShowOnlyApiTypes(f.app), false),
            new Rule("no-reach-by-name", 1, f -> ModuleRules.modulesReachOthersOnlyThroughTypes(f.app), false),
            new Rule("ddd-building-blocks", 2, f -> DomainRules.dddBuildingBlocks(), false),
            new Rule("onion", 2, f -> DomainRules.onionInsideModules(), false),
            new Rule("domain-purity", 2, f -> DomainRules.domainKnowsNoFramework(f.app), false),
            new Rule("sql-schema-ownership", 3, f -> DataOwnershipRules.moduleSqlNamesOnlyItsOwnSchema(f.app), false),
            new Rule(
                    "migration-schema-ownership",
                    3,
                    f -> DataOwnershipRules.migrationsChangeOnlyTheirOwnSchema(f.app),
                    false),
            new Rule(
                    "database-objects",
                    4,
                    f -> DatabaseRules.noDatabaseObjectCrossesModules(
                            f::migratedDatabase,
                            DataOwnershipRules.migrationFolders(f.app),
                            DataOwnershipRules.schemas(f.app),
                            MigratedDatabase.isModulithLayout(f.app)),
                    false),
            new Rule("event-contracts", 5, f -> EventContractRules.eventsAreSafeContracts(f.app), false),
            new Rule("events-from-their-module", 5, f -> EventContractRules.eventsComeFromTheirModule(f.app), false),
            new Rule("event-lock", 6, Fitness::eventLock, false),
            new Rule(
                    "no-calls-in-transactions",
                    7,
                    f -> TransactionRules.noCallsToOtherModulesInTransactions(
                            f.app, f.settings.allowedInTransaction().orElse(""), f.settings.transactionAnnotations()),
                    false),
            new Rule(
                    "asynchronous-listeners",
                    7,
                    f -> TransactionRules.listenersToOtherModulesAreAsynchronous(f.app),
                    false),
            new Rule("no-listener-interfaces", 7, f -> TransactionRules.noApplicationListenersInModules(f.app), false),
            new Rule("test-code-apis", 8, f -> TestCodeRules.testsUseOnlyApisOfOtherModules(f.app), true),
            new Rule("no-field-injection", 9, f -> HygieneRules.noFieldInjection(f.app), false),
            new Rule("no-setter-injection", 9, f -> HygieneRules.noSetterInjection(), false),
            new Rule("no-static-state", 9, f -> HygieneRules.noStaticState(f.app), false),
            new Rule(
                    "package-private-internals",
                    9,
                    f -> HygieneRules.internalTypesArePublicOnlyWhenUsedElsewhere(f.app),
                    false),
            new Rule("no-package-cycles", 9, f -> HygieneRules.noPackageCyclesInsideModules(f.app), false),
            new Rule("no-standard-streams", 9, f -> HygieneRules.noStandardStreams(), false),
            new Rule("no-sleeping", 9, f -> HygieneRules.noSleeping(f.app), false),
            new Rule("no-swallowed-failures", 9, f -> HygieneRules.noSwallowedFailures(f.app), false),
            new Rule(
                    "topology-unknown",
                    10,
                    f -> TopologyRules.businessModulesDoNotKnowTheTopology(
                            f.app, f.settings.topologyPackages().toArray(String[]::new)),
                    false),
            new Rule(
                    "configuration-ownership",
                    10,
                    f -> TopologyRules.modulesReadOnlyTheirOwnConfiguration(f.app),
                    false),
            new Rule(
                    "no-process-wide-declarations",
                    10,
                    f -> TopologyRules.modulesDeclareNothingForTheWholeProcess(f.app),
                    false),
            new Rule(
                    "web-through-application",
                    11,
                    f -> AnatomyRules.webReachesTheDomainThroughTheApplication(f.app),
                    false),
            new Rule("application-knows-no-http", 11, f -> AnatomyRules.applicationKnowsNoHttp(f.app), false),
            new Rule("web-is-outermost", 11, f -> AnatomyRules.nothingDependsOnTheWebLayer(f.app), false),
            new Rule(
                    "calls-from-application",
                    11,
                    f -> AnatomyRules.otherModulesAreCalledFromTheApplicationLayer(f.app),
                    false),
            new Rule("web-opens-no-transaction", 11, f -> AnatomyRules.webOpensNoTransaction(f.app), false),
            new Rule("controllers-in-web", 11, f -> AnatomyRules.controllersAreInTheWebLayer(f.app), false),
            new Rule("use-case-names", 11, f -> AnatomyRules.useCasesAreNamedAfterWhatTheyDo(f.app), false),
            new Rule("separate-listeners", 11, f -> AnatomyRules.listenersAreSeparateFromUseCases(f.app), false),
            new Rule("repository-names", 11, f -> AnatomyRules.repositoriesAreNamedAfterWhatTheyHold(f.app), false),
            new Rule("documented-apis", 11, f -> AnatomyRules.moduleApisAreDocumentedAtTheirRoot(f.app), false),
            new Rule(Readiness.RULE_ID, 12, Readiness::rule, false));

    private final Class<?> applicationClass;
    private final FitnessSettings settings;
    private final ModularApplication app;
    private final @Nullable Supplier<DataSource> emptyDatabase;
    private final List<Rule> extraRules;
    private final FitnessReport report;
    private @Nullable CompletableFuture<MigratedDatabase.Migrated> migrated;

    private Fitness(
            Class<?> applicationClass,
            FitnessSettings settings,
            @Nullable Supplier<DataSource> emptyDatabase,
            List<Rule> extraRules) {
        this.applicationClass = applicationClass;
        this.settings = settings;
        this.emptyDatabase = emptyDatabase;
        this.extraRules = List.copyOf(extraRules);
        var app = ModularApplication.of(applicationClass)
                .withSources(settings.mainSources(), settings.testSources())
                .withMigrations(settings.migrations());
        for (var owner : settings.schemaOwners().entrySet()) {
            app = app.withSchemaOwnedBy(owner.getKey(), owner.getValue());
        }
        this.app = app;
        this.report = FitnessReport.inFolder(settings.reportFolder());
    }

    /** The rules on the application whose main class is given, with the settings {@link FitnessSettings#load()} finds. */
    public static Fitness of(Class<?> applicationClass) {
        return new Fitness(applicationClass, FitnessSettings.load(), null, List.of());
    }

    /** The rules of the pack, in the order they run. */
    public static List<Rule> rules() {
        return RULES;
    }

    /** The same, with these settings instead. */
    public Fitness withSettings(FitnessSettings settings) {
        return new Fitness(applicationClass, settings, emptyDatabase, extraRules);
    }

    /** The same, with one setting changed: {@code with("rule.onion", "off")}. */
    public Fitness with(String key, String value) {
        return withSettings(settings.with(key, value));
    }

    /**
     * The same, migrating into databases from {@code emptyDatabase} (each call: a new empty
     * PostgreSQL database) instead of {@link FitnessDatabase}.
     */
    public Fitness withDatabase(Supplier<DataSource> emptyDatabase) {
        return new Fitness(applicationClass, settings, emptyDatabase, extraRules);
    }

    /** The same, with a rule of the application's own, run and reported like the pack's. */
    public Fitness withRule(String id, Function<Fitness, ArchRule> rule) {
        var rules = new ArrayList<>(extraRules);
        rules.add(new Rule(id, 0, rule, false));
        return new Fitness(applicationClass, settings, emptyDatabase, rules);
    }

    /** The application as the rules see it. */
    public ModularApplication application() {
        return app;
    }

    /** The settings in force. */
    public FitnessSettings settings() {
        return settings;
    }

    /** One dynamic test per rule, named by its id; a rule switched off is skipped, saying so. */
    public Stream<DynamicTest> tests() {
        var rules = allRules();
        migrateInTheBackground();
        return rules.stream().map(rule -> DynamicTest.dynamicTest(rule.id(), () -> run(rule)));
    }

    /** Runs every rule, then fails once, listing every rule that failed, if any did. */
    public void check() {
        var failures = new LinkedHashMap<String, String>();
        var rules = allRules();
        migrateInTheBackground();
        for (var rule : rules) {
            try {
                run(rule);
            } catch (AssertionError e) {
                failures.put(rule.id(), e.getMessage());
            } catch (org.opentest4j.TestAbortedException e) {
                // switched off: reported by run
            }
        }
        if (!failures.isEmpty()) {
            var message = new StringBuilder(failures.size() + " fitness rule(s) failed: " + failures.keySet());
            failures.forEach((id, text) ->
                    message.append("\n\n[").append(id).append("] ").append(text));
            throw new AssertionError(message.toString());
        }
    }

    /** What every rule did so far in this JVM. */
    public List<FitnessReport.Entry> results() {
        return report.entries();
    }

    private List<Rule> allRules() {
        var rules = new ArrayList<>(RULES);
        rules.addAll(extraRules);
        var ids = rules.stream().map(Rule::id).toList();
        var unknown =
                settings.namedRules().stream().filter(id -> !ids.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "fitness.rule." + unknown.get(0) + " names no rule; the rules are " + String.join(", ", ids));
        }
        return rules;
    }

    private void run(Rule rule) {
        var mode = settings.mode(rule.id());
        if (mode == FitnessSettings.Mode.OFF) {
            var reason = "switched off by fitness.rule." + rule.id() + "=off";
            report.off(rule.id(), reason);
            Assumptions.abort(rule.id() + " is " + reason);
        }
        ArchRule archRule = rule.rule().apply(this);
        if (mode == FitnessSettings.Mode.FROZEN) {
            archRule = frozen(archRule);
        }
        JavaClasses classes = rule.onTests() ? app.testClasses() : app.classes();
        report.check(rule.id(), archRule, classes);
    }

    private ArchRule frozen(ArchRule rule) {
        var configuration = ArchConfiguration.get();
        synchronized (configuration) {
            configuration.setProperty(
                    "freeze.store.default.path", settings.freezeStore().toString());
            configuration.setProperty("freeze.store.default.allowStoreCreation", "true");
            configuration.setProperty("freeze.refreeze", Boolean.toString(settings.refreeze()));
            return FreezingArchRule.freeze(rule);
        }
    }

    private ArchRule eventLock() {
        var lock = settings.eventLock();
        if (settings.updateEventLock()) {
            EventContractLock.update(app, lock, settings.retiredEvents());
        }
        return EventContractLock.eventsMatchTheirLockedContracts(app, lock, settings.eventLockUpdateCommand());
    }

    private MigratedDatabase.Migrated migratedDatabase() {
        CompletableFuture<MigratedDatabase.Migrated> migration;
        synchronized (this) {
            var started = migrated;
            if (started == null) {
                started = startMigrating();
                migrated = started;
            }
            migration = started;
        }
        try {
            return migration.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Starts the database rule's PostgreSQL and migrations in the background, when that rule will
     * run: the other rules, on the classes, take about as long, and the database is mostly
     * another process's work.
     */
    private synchronized void migrateInTheBackground() {
        if (migrated == null
                && settings.mode("database-objects") != FitnessSettings.Mode.OFF
                && !DataOwnershipRules.migrationFolders(app).isEmpty()) {
            migrated = startMigrating();
        }
    }

    private CompletableFuture<MigratedDatabase.Migrated> startMigrating() {
        var empty = emptyDatabase;
        return CompletableFuture.supplyAsync(() -> {
            var database = empty != null ? empty.get() : FitnessDatabase.fresh(settings);
            return MigratedDatabase.migrate(database, app);
        });
    }
}
