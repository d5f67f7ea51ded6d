package io.seams.fitness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seams.fitness.fixtures.listeners.ListenersApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule that found nothing to check says so, on the console and in report.json / report.sarif. */
class FitnessReportTests {

    /** Records and nothing else: no API interface, no jMolecules type. */
    static final ModularApplication app = ModularApplication.of(ListenersApplication.class);

    @Test
    void aRuleWithNothingToCheckSaysSo() {
        var entry = FitnessReport.evaluate(ApiRules.moduleApisAreRemoteSafe(app), app.classes());

        assertThat(entry.status()).isEqualTo(FitnessReport.Status.NOTHING_TO_CHECK);
        assertThat(entry.rule()).isEqualTo("Module APIs are remote-safe");
        assertThat(entry.reason())
                .contains("found nothing to check")
                .contains("interfaces in a module's root package or named interfaces");
    }

    @Test
    void sharpenedRulesStillSayWhenTheyHaveNothingToCheck() {
        var data = ModularApplication.of(io.seams.fitness.fixtures.data.DataApplication.class)
                .withMigrations(Path.of("no-such-folder"));

        var events = FitnessReport.evaluate(EventContractRules.eventsAreSafeContracts(data), data.classes());
        assertThat(events.status()).isEqualTo(FitnessReport.Status.NOTHING_TO_CHECK);
        assertThat(events.reason()).contains("another listens to");

        var apis = FitnessReport.evaluate(ApiRules.moduleApisAreRemoteSafe(data), data.classes());
        assertThat(apis.status()).isEqualTo(FitnessReport.Status.NOTHING_TO_CHECK);
        assertThat(apis.reason()).contains("public Spring beans");

        var transactions =
                FitnessReport.evaluate(TransactionRules.noCallsToOtherModulesInTransactions(data, ""), data.classes());
        assertThat(transactions.status()).isEqualTo(FitnessReport.Status.NOTHING_TO_CHECK);

        var migrations =
                FitnessReport.evaluate(DataOwnershipRules.migrationsChangeOnlyTheirOwnSchema(data), data.classes());
        assertThat(migrations.status()).isEqualTo(FitnessReport.Status.NOTHING_TO_CHECK);
    }

    @Test
    void whereModulesShareASchemaAndNoModuleCreatesATableTheDataRulesHaveNothingToCheck() {
        var app = ModularApplication.of(io.seams.fitness.fixtures.sharedclean.SharedCleanApplication.class)
                .withSources(Fixtures.path("src/test/java"), Fixtures.path("src/test/java"))
                .withMigrations(Fixtures.path("src/test/sql/shared-root-only"));

        for (var rule : java.util.List.of(
                DataOwnershipRules.moduleSqlNamesOnlyItsOwnSchema(app),
                DataOwnershipRules.migrationsChangeOnlyTheirOwnSchema(app),
                DatabaseRules.noDatabaseObjectCrossesModules(
                        () -> MigratedDatabase.migrate(
                                FitnessDatabase.fresh(new FitnessSettings(java.util.Map.of())), app),
                        DataOwnershipRules.migrationFolders(app),
                        DataOwnershipRules.schemas(app),
                        true))) {
            var entry = FitnessReport.evaluate(rule, app.classes());
            assertThat(entry.status()).as(entry.rule()).isEqualTo(FitnessReport.Status.NOTHING_TO_CHECK);
            assertThat(entry.reason()).contains("modules share a schema", "whose table is whose cannot be told");
        }
    }

    @Test
    void jMoleculesRulesWithoutJMoleculesHaveNothingToCheck() {
        var entry = FitnessReport.evaluate(DomainRules.dddBuildingBlocks(), app.classes());

        assertThat(entry.status()).isEqualTo(FitnessReport.Status.NOTHING_TO_CHECK);
        assertThat(entry.reason()).contains("jMolecules DDD types");
    }

    @Test
    void aRulesSarifIdIsTheSameWhateverTheDefaultLocale() {
        var entry = new FitnessReport.Entry(
                "Module APIs are remote-safe", FitnessReport.Status.PASSED, "", java.util.List.of());

        assertThat(Fixtures.inTurkish(entry::id)).isEqualTo("module-apis-are-remote-safe");
    }

    @Test
    void writesEveryOutcomeAsJsonAndSarif(@TempDir Path folder) throws Exception {
        var report = FitnessReport.inFolder(folder);

        report.check(ApiRules.moduleApisAreRemoteSafe(app), app.classes());
        report.check(ModuleRules.modulesDeclareTheirDependencies(app), app.classes());
        assertThatThrownBy(
                        () -> report.check(TransactionRules.listenersToOtherModulesAreAsynchronous(app), app.classes()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("listens to Ordered of module 'ordering' synchronously");

        assertThat(report.entries())
                .extracting(FitnessReport.Entry::status)
                .containsExactly(
                        FitnessReport.Status.NOTHING_TO_CHECK,
                        FitnessReport.Status.PASSED,
                        FitnessReport.Status.FAILED);
        var json = Files.readString(folder.resolve("report.json"));
        assertThat(json)
                .contains("\"status\" : \"nothing-to-check\"")
                .contains("\"rule\" : \"Module APIs are remote-safe\"")
                .contains("\"violations\" : 6");
        var sarif = Files.readString(folder.resolve("report.sarif"));
        assertThat(sarif)
                .contains("\"version\" : \"2.1.0\"")
                .contains("\"toolExecutionNotifications\"")
                .contains("\"id\" : \"module-apis-are-remote-safe\"")
                .contains("\"ruleId\" : \"listeners-to-other-modules-events-are-asynchronous\"")
                .contains("\"uri\" : \"BillingListeners.java\"");
    }
}
