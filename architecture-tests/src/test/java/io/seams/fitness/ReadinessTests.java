package io.seams.fitness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seams.fitness.ReadinessScore.Band;
import io.seams.fitness.fixtures.readiness.calm.CalmApplication;
import io.seams.fitness.fixtures.readiness.coupled.CoupledApplication;
import io.seams.fitness.fixtures.readiness.gates.GatesApplication;
import io.seams.fitness.fixtures.transactions.TransactionsApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * The extraction-readiness score: each planted gate blocks exactly its module, with the location; a
 * new synchronous call lowers a score and the ratchet names module, dimension and cause; the accept
 * property rewrites the baseline; the rule runs through the entry point and writes its reports.
 */
class ReadinessTests {

    private static final String GATES = "src/test/java/io/seams/fitness/fixtures/readiness/gates/";
    private static final String COUPLED = "src/test/java/io/seams/fitness/fixtures/readiness/coupled/";

    @TempDir
    Path folder;

    /** A call reached through another class is located where it is: Repricer's line, not Quotes'. */
    @Test
    void aCallInATransactionIsLocatedInTheFileThatMakesIt() {
        var result = Readiness.of(app(TransactionsApplication.class, null), settings(Map.of()));

        assertThat(result.module("ordering")
                        .dimension(Readiness.Dimension.TRANSACTION_LOCALITY.id)
                        .deductions())
                .filteredOn(deduction -> deduction.cause().contains("requote"))
                .singleElement()
                .satisfies(deduction -> assertThat(deduction.location().toString())
                        .endsWith("fixtures/transactions/ordering/application/Repricer.java:23"));
    }

    /** A lock written before types were refined still vouches for its events; a retyping does not. */
    @Test
    void anEventDiffersFromItsLockedShapeOnlyWhenAListenerCouldNoLongerReadIt() throws Exception {
        var application = io.seams.fitness.fixtures.retyped.RetypedApplication.class;
        var contracts = Fixtures.path("src/test/contracts");
        var lock = folder.resolve("events.lock.json");

        java.nio.file.Files.copy(contracts.resolve("retyped-coarse.lock.json"), lock);
        assertThat(Readiness.of(app(application, null), settings(Map.of()))
                        .module("stock")
                        .dimension(Readiness.Dimension.EVENT_CONTRACTS.id)
                        .deductions())
                .noneMatch(deduction -> deduction.cause().contains("locked shape"));

        java.nio.file.Files.copy(
                contracts.resolve("retyped-instant-to-date.lock.json"),
                lock,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(Readiness.of(app(application, null), settings(Map.of()))
                        .module("stock")
                        .dimension(Readiness.Dimension.EVENT_CONTRACTS.id)
                        .deductions())
                .extracting(ReadinessScore.Deduction::cause)
                .contains("StockReleased (stock.StockReleased.v1) differs from its locked shape");
    }

    @Test
    void eachPlantedGateBlocksExactlyTheModuleThatBreaksItWithTheLocation() {
        var result = Readiness.of(app(GatesApplication.class, "src/test/sql/readiness"), settings(Map.of()));

        assertThat(result.modules())
                .extracting(ReadinessScore::module)
                .containsExactly("alpha", "beta", "delta", "epsilon", "gamma", "zeta");
        assertThat(result.module("alpha").band()).isEqualTo(Band.BLOCKED);
        assertThat(result.module("alpha").score()).isZero();
        assertThat(result.module("alpha").gates()).singleElement().satisfies(gate -> {
            assertThat(gate.gate()).isEqualTo("sync-cycle");
            assertThat(gate.cause()).contains("alpha → beta → alpha");
            assertThat(gate.location().toString()).endsWith(GATES + "alpha/application/AlphaWork.java:14");
        });
        assertThat(result.module("beta").gates())
                .singleElement()
                .satisfies(gate ->
                        assertThat(gate.location().toString()).endsWith(GATES + "beta/application/BetaWork.java:14"));
        assertThat(result.module("gamma").gates())
                .extracting(gate -> gate.gate() + " " + gate.cause() + " " + gate.location())
                .containsExactlyInAnyOrder(
                        "foreign-data SQL names delta.parcel, in schema 'delta' "
                                + Fixtures.path(GATES + "gamma/persistence/GammaQueries.java") + ":7",
                        "foreign-data migration names delta.parcel, in schema 'delta' "
                                + Fixtures.path("src/test/sql/readiness/gamma/V1__shelf.sql") + ":2");
        assertThat(result.module("delta").gates()).singleElement().satisfies(gate -> {
            assertThat(gate.gate()).isEqualTo("entity-crossing");
            assertThat(gate.cause()).isEqualTo("its API Delta.find carries Parcel, an aggregate or entity");
            assertThat(gate.location().toString()).endsWith(GATES + "delta/Delta.java:7");
        });
        assertThat(result.module("epsilon").gates()).singleElement().satisfies(gate -> {
            assertThat(gate.gate()).isEqualTo("api-bypass");
            assertThat(gate.cause())
                    .isEqualTo("uses io.seams.fitness.fixtures.readiness.gates.alpha.internal.Ledger,"
                            + " internal to module 'alpha'");
            assertThat(gate.location().toString()).endsWith(GATES + "epsilon/application/Audit.java:8");
        });
        assertThat(result.module("zeta").gates()).isEmpty();
        assertThat(result.module("zeta").band()).isEqualTo(Band.READY);
        assertThat(result.module("zeta").score()).isEqualTo(100);
    }

    @Test
    void whereModulesShareASchemaAnotherModulesTableBlocksTheModuleThatNamesIt() {
        var result = Readiness.of(
                app(io.seams.fitness.fixtures.shared.SharedApplication.class, "src/test/sql/shared"),
                settings(Map.of()));

        assertThat(result.module("ordering").band()).isEqualTo(Band.BLOCKED);
        assertThat(result.module("ordering").gates())
                .extracting(gate -> gate.gate() + " " + gate.cause() + " " + gate.location())
                .contains("foreign-data migration names invoice, a table of module 'billing' "
                        + Fixtures.path("src/test/sql/shared/ordering/V1__purchase_order.sql") + ":5")
                .anySatisfy(gate -> assertThat(gate).contains("OrderQueries.java:12"));
        assertThat(result.module("billing").gates()).isEmpty();
    }

    @Test
    void testCodeUsingAModulesInternalsBlocksTheModuleItReachesInto() {
        var app = app(GatesApplication.class, "src/test/sql/readiness");
        var tests = new com.tngtech.archunit.core.importer.ClassFileImporter()
                .importClasses(io.seams.fitness.fixtures.readiness.gates.WholeApplicationScenario.class);
        var withTests = new ModularApplication(
                app.applicationClass(),
                app.modules(),
                app.classes(),
                tests,
                app.mainSources(),
                app.testSources(),
                app.migrations(),
                app.schemaOwners());

        var gates = Readiness.of(withTests, settings(Map.of())).module("alpha").gates();

        assertThat(gates)
                .extracting(ReadinessScore.Gate::toString)
                .contains("api-bypass: a test outside every module uses"
                        + " io.seams.fitness.fixtures.readiness.gates.alpha.internal.Ledger, internal to it ("
                        + Fixtures.path(GATES + "WholeApplicationScenario.java") + ":9)");
    }

    @Test
    void aBaselineThatGivesAModuleNoScoreIsRefusedWithTheModuleAndTheCommand() {
        var calm = Readiness.of(app(CalmApplication.class, null), settings(Map.of()));
        var module = calm.modules().get(0).module();

        assertThatThrownBy(() -> ReadinessBaseline.compare(
                        calm, Map.of("modules", Map.of(module, Map.of("gates", java.util.List.of())))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The readiness baseline gives module '%s' no score: fix it with: %s"
                        .formatted(module, calm.settings().acceptCommand()));
    }

    @Test
    void aNewSynchronousCallLowersTheScoreAndTheRatchetNamesModuleDimensionAndCause() {
        accept(CalmApplication.class);
        var calm = Readiness.of(app(CalmApplication.class, null), settings(Map.of()));
        assertThat(ReadinessBaseline.ratchet(calm)).isEmpty();

        var coupled = Readiness.of(app(CoupledApplication.class, null), settings(Map.of()));

        assertThat(coupled.module("billing").score())
                .isLessThan(calm.module("billing").score());
        assertThat(coupled.module("billing").dimension("outbound-coupling").value())
                .isEqualTo(0.8);
        var failures = ReadinessBaseline.ratchet(coupled);
        assertThat(failures).hasSize(3);
        assertThat(failures)
                .anySatisfy(failure -> assertThat(failure)
                        .startsWith("Module 'billing' fell below its readiness baseline: %d → %d"
                                .formatted(
                                        calm.module("billing").score(),
                                        coupled.module("billing").score()))
                        .contains("outbound-coupling 1.00 → 0.80, new: calls the API of ordering: Ordering.statusOf ("
                                + Fixtures.path(COUPLED + "billing/application/Reminders.java") + ":15)")
                        .contains("event-share 1.00 → 0.50, new: billing calls ordering synchronously")
                        .endsWith("accept the new score with: gradle check -Dfitness.update-readiness-baseline=true"))
                // Its API is called now, and its internals used: ordering is less ready too.
                .anySatisfy(failure -> assertThat(failure)
                        .startsWith("Module 'ordering' fell below its readiness baseline")
                        .contains("inbound-coupling 0.97 → 0.32, new: shipping uses its internals:")
                        .contains("billing calls it: Ordering.statusOf")
                        .contains("blast-radius 0.50 → 0.00, new: billing depends on it"))
                .anySatisfy(failure -> assertThat(failure)
                        .startsWith("Module 'shipping' is BLOCKED: api-bypass: uses"
                                + " io.seams.fitness.fixtures.readiness.coupled.ordering.internal.OrderRow, internal to"
                                + " module 'ordering' (" + Fixtures.path(COUPLED + "shipping/application/Labels.java")
                                + ":9)")
                        .contains("Fix: use the other module's API"));
    }

    @Test
    void theAcceptPropertyRewritesTheBaselineAndTheRatchetHoldsFromThere() throws Exception {
        accept(CalmApplication.class);
        var before = Files.readString(baseline());

        var accepted =
                Readiness.of(app(CoupledApplication.class, null), settings(Map.of(Readiness.UPDATE_PROPERTY, "true")));
        assertThat(ReadinessBaseline.ratchet(accepted)).isEmpty();

        var after = Files.readString(baseline());
        assertThat(after).isNotEqualTo(before).contains("calls the API of ordering: Ordering.statusOf");
        assertThat(after)
                .contains("api-bypass: uses io.seams.fitness.fixtures.readiness.coupled.ordering.internal.OrderRow");
        // From the new baseline on, the same code passes: its gate is recorded, its score is the baseline.
        assertThat(ReadinessBaseline.ratchet(Readiness.of(app(CoupledApplication.class, null), settings(Map.of()))))
                .isEmpty();
    }

    @Test
    void aMissingBaselineIsWrittenByTheFirstRun() {
        assertThat(baseline()).doesNotExist();

        assertThat(ReadinessBaseline.ratchet(Readiness.of(app(CalmApplication.class, null), settings(Map.of()))))
                .isEmpty();

        assertThat(baseline()).exists();
    }

    @Test
    void theRuleRunsThroughTheEntryPointWritesItsReportsAndCanBeSwitchedOff() throws Throwable {
        accept(CalmApplication.class);
        var fitness = Fitness.of(CoupledApplication.class).withSettings(settings(Map.of()));

        assertThatThrownBy(() -> run(fitness))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Extraction readiness holds its baseline")
                .hasMessageContaining("Module 'shipping' is BLOCKED");
        var report = folder.resolve("report");
        assertThat(Files.readString(report.resolve("readiness.json")))
                .contains("\"module\" : \"billing\"", "\"dimension\" : \"outbound-coupling\"", "Reminders.java:15");
        assertThat(Files.readString(report.resolve("readiness.md")))
                .contains(
                        "| `billing` |",
                        "```mermaid",
                        "shipping[\"shipping<br/>0 BLOCKED\"]:::blocked",
                        "billing -- calls --> ordering",
                        "billing -. events .-> ordering",
                        "classDef ready");
        assertThat(Files.readString(report.resolve("readiness.sarif")))
                .contains("\"ruleId\" : \"readiness/api-bypass\"", "\"startLine\" : 15", "\"version\" : \"2.1.0\"");

        var off = Fitness.of(CoupledApplication.class)
                .withSettings(settings(Map.of("fitness.rule." + Readiness.RULE_ID, "off")));
        assertThatThrownBy(() -> run(off)).isInstanceOf(TestAbortedException.class);
    }

    @Test
    void theReportsWriteTheirNumbersTheSameWhateverTheDefaultLocale() throws IOException {
        var result = Readiness.of(app(CoupledApplication.class, null), settings(Map.of()));

        Fixtures.inTurkish(() -> {
            ReadinessReport.write(result);
            return null;
        });

        // A decimal comma is how Turkish, like most of Europe, writes 0.25.
        var report = folder.resolve("report");
        assertThat(Files.readString(report.resolve("readiness.sarif")))
                .containsPattern("−\\d\\.\\d\\d")
                .doesNotContainPattern("−\\d,\\d\\d");
        assertThat(Files.readString(report.resolve("readiness.md"))).doesNotContainPattern("−\\d,\\d\\d");
    }

    @Test
    void weightsAndBandsComeFromTheSettings() {
        var coupled = app(CoupledApplication.class, null);
        var ordinary = Readiness.of(coupled, settings(Map.of()));
        var outboundOnly = Readiness.of(coupled, settings(onlyOutbound()));

        assertThat(ordinary.module("billing").band()).isEqualTo(Band.READY);
        assertThat(outboundOnly.module("billing").score()).isEqualTo(80);
        assertThat(Readiness.of(coupled, settings(Map.of("fitness.readiness.band.ready", "95")))
                        .module("billing")
                        .band())
                .isEqualTo(Band.EXTRACTABLE);
        var defaults = Readiness.Settings.of(new FitnessSettings(Map.of()));
        assertThat(defaults.baseline()).isEqualTo(Path.of("src/test/resources/readiness-baseline.json"));
        assertThat(defaults.acceptCommand()).isEqualTo("mvn verify -Dfitness.update-readiness-baseline=true");
        assertThat(defaults.history()).isEqualTo(200);
        assertThat(defaults.ready()).isEqualTo(80);
        assertThat(defaults.extractable()).isEqualTo(60);
        assertThat(defaults.weights().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .isEqualTo(100);
        assertThatThrownBy(() -> Readiness.of(coupled, settings(Map.of("fitness.readiness.weight.coupling", "3"))))
                .hasMessageContaining("fitness.readiness.weight.coupling names no dimension")
                .hasMessageContaining("outbound-coupling");
    }

    @Test
    void coChangeCountsTheCommitsAModuleSharesWithOthersAndNeedsNoGit() {
        var log = "\u001ecommit a1\n\nsrc/main/java/com/shop/orders/A.java\nsrc/main/java/com/shop/billing/B.java\n"
                + "\u001ecommit b2\n\nsrc/main/java/com/shop/orders/C.java\ndocs/x.md\n"
                + "\u001ecommit c3\n\ndb/billing/V2__x.sql\n";
        var byModule = CoChange.parse(
                log,
                file -> file.contains("/orders/")
                        ? Optional.of("orders")
                        : file.contains("/billing/") || file.startsWith("db/billing/")
                                ? Optional.of("billing")
                                : Optional.empty());
        var history = new CoChange.History("c3", byModule);

        assertThat(history.commits("orders")).isEqualTo(2);
        assertThat(history.commitsWithOthers("orders", java.util.Set.of("orders", "billing")))
                .isEqualTo(1);
        assertThat(history.partners("billing", java.util.Set.of("orders", "billing")))
                .containsExactly(Map.entry("orders", 1));
        // Outside a git checkout (or without git) there is no history, and no failure.
        assertThat(CoChange.head(folder)).isEmpty();
        assertThat(CoChange.read(folder, "HEAD", 10, file -> Optional.empty())).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void whereTheBaselinesCommitIsNotInTheCheckoutCoChangeIsTheBaselines() throws Exception {
        accept(CalmApplication.class);
        var baseline = ReadinessBaseline.read(baseline()).orElseThrow();
        ((Map<String, Object>) baseline.get("history")).put("commit", "0123456789abcdef0123456789abcdef01234567");
        var billing = (Map<String, Object>)
                ((Map<String, Object>) ((Map<String, Object>) baseline.get("modules")).get("billing"))
                        .get("dimensions");
        billing.put("co-change", Map.of("value", 0.5, "deductions", java.util.List.of("changed with ordering")));
        Files.writeString(
                baseline(),
                tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(baseline));

        var result =
                Readiness.of(app(CalmApplication.class, null), settings(Map.of("fitness.readiness.history", "200")));

        var coChange = result.module("billing").dimension("co-change");
        assertThat(coChange.skipped()).isFalse();
        assertThat(coChange.value()).isEqualTo(0.5);
        assertThat(coChange.note()).contains("from the baseline");
        assertThat(coChange.deductions())
                .extracting(ReadinessScore.Deduction::cause)
                .containsExactly("changed with ordering");
    }

    private void accept(Class<?> application) {
        var result = Readiness.of(app(application, null), settings(Map.of(Readiness.UPDATE_PROPERTY, "true")));
        assertThat(ReadinessBaseline.ratchet(result)).isEmpty();
    }

    private Path baseline() {
        return folder.resolve("readiness-baseline.json");
    }

    private ModularApplication app(Class<?> application, String migrations) {
        return ModularApplication.of(application)
                .withSources(Fixtures.path("src/test/java"), Fixtures.path("src/test/java"))
                .withMigrations(migrations == null ? folder.resolve("no-migrations") : Fixtures.path(migrations));
    }

    private FitnessSettings settings(Map<String, String> more) {
        var values = new HashMap<String, String>(Map.of(
                "fitness.command", "gradle check",
                "fitness.report", folder.resolve("report").toString(),
                "fitness.migrations", folder.resolve("no-migrations").toString(),
                "fitness.sources.main", Fixtures.path("src/test/java").toString(),
                "fitness.sources.test", Fixtures.path("src/test/java").toString(),
                "fitness.event-lock", folder.resolve("events.lock.json").toString(),
                "fitness.readiness.baseline", baseline().toString(),
                "fitness.readiness.history", "0"));
        values.putAll(more);
        return new FitnessSettings(values);
    }

    private static Map<String, String> onlyOutbound() {
        var weights = new HashMap<String, String>();
        for (var dimension : Readiness.Dimension.values()) {
            weights.put(
                    "fitness.readiness.weight." + dimension.id, dimension.id.equals("outbound-coupling") ? "1" : "0");
        }
        return weights;
    }

    private static void run(Fitness fitness) throws Throwable {
        fitness.tests()
                .filter(test -> test.getDisplayName().equals(Readiness.RULE_ID))
                .findFirst()
                .orElseThrow()
                .getExecutable()
                .execute();
    }
}
