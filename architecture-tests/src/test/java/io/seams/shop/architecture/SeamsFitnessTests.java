package io.seams.shop.architecture;

import io.seams.fitness.AnatomyRules;
import io.seams.fitness.ApiRules;
import io.seams.fitness.DataOwnershipRules;
import io.seams.fitness.DatabaseRules;
import io.seams.fitness.DomainRules;
import io.seams.fitness.EventContractDocument;
import io.seams.fitness.EventContractLock;
import io.seams.fitness.EventContractRules;
import io.seams.fitness.FitnessReport;
import io.seams.fitness.HygieneRules;
import io.seams.fitness.MigratedDatabase;
import io.seams.fitness.ModularApplication;
import io.seams.fitness.ModuleRules;
import io.seams.fitness.TestCodeRules;
import io.seams.fitness.TopologyRules;
import io.seams.fitness.TransactionRules;
import io.seams.shop.SeamsApplication;
import io.seams.shop.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Every fitness rule of the pack, applied to Seams. Each test is one rule; its name says which. */
class SeamsFitnessTests {

    /** The platform owns the event publication registry's (and the Kafka inbox's) schema. */
    static final ModularApplication seams =
            ModularApplication.of(SeamsApplication.class).withSchemaOwnedBy("events", "platform");

    /** What every rule did, in target/fitness/report.json and report.sarif. */
    static final FitnessReport REPORT = FitnessReport.inFolder(Path.of("target", "fitness"));

    static final Path EVENT_LOCK = Path.of("architecture-tests", "event-contracts.lock.json");
    static final String ALLOWED_IN_TRANSACTION = "io.seams.shop.platform.AllowedInTransaction";

    @Test
    void rule1_modulesUseOnlyTheApisOfTheirDeclaredDependencies() {
        REPORT.check(ModuleRules.modulesUseOnlyApisOfDeclaredDependencies(seams), seams.classes());
    }

    @Test
    void rule1_modulesDeclareTheirAllowedDependencies() {
        REPORT.check(ModuleRules.modulesDeclareTheirDependencies(seams), seams.classes());
    }

    @Test
    void rule1_modulesHaveNoSynchronousCycles() {
        REPORT.check(ModuleRules.modulesHaveNoSynchronousCycles(seams), seams.classes());
    }

    @Test
    void rule1_moduleApisAreRemoteSafe() {
        REPORT.check(ApiRules.moduleApisAreRemoteSafe(seams), seams.classes());
    }

    @Test
    void rule2_dddBuildingBlocksAreUsedAsIntended() {
        REPORT.check(DomainRules.dddBuildingBlocks(), seams.classes());
    }

    @Test
    void rule2_modulesAreBuiltAsASimplifiedOnion() {
        REPORT.check(DomainRules.onionInsideModules(), seams.classes());
    }

    @Test
    void rule2_theDomainKnowsNoFramework() {
        REPORT.check(DomainRules.domainKnowsNoFramework(seams), seams.classes());
    }

    @Test
    void rule3_moduleSqlNamesOnlyItsOwnSchema() {
        REPORT.check(DataOwnershipRules.moduleSqlNamesOnlyItsOwnSchema(seams), seams.classes());
    }

    @Test
    void rule3_migrationsChangeOnlyTheirOwnSchema() {
        REPORT.check(DataOwnershipRules.migrationsChangeOnlyTheirOwnSchema(seams), seams.classes());
    }

    @Test
    void rule4_noDatabaseObjectCrossesSchemas() {
        var database = TestDatabases.fresh();
        var dataSource = new DriverManagerDataSource(database.url(), database.username(), database.password());
        MigratedDatabase.migrateEachFolder(dataSource, seams);

        REPORT.check(
                DatabaseRules.noDatabaseObjectCrossesSchemas(dataSource, DataOwnershipRules.schemas(seams)),
                seams.classes());
    }

    @Test
    void rule5_eventsAreSafeContracts() {
        REPORT.check(EventContractRules.eventsAreSafeContracts(seams), seams.classes());
    }

    @Test
    void rule6_eventsMatchTheirLockedContracts() {
        if (Boolean.getBoolean(EventContractLock.UPDATE_PROPERTY)) {
            EventContractLock.update(seams, EVENT_LOCK);
        }
        REPORT.check(EventContractLock.eventsMatchTheirLockedContracts(seams, EVENT_LOCK), seams.classes());
    }

    @Test
    void rule6_theAsyncApiDocumentDescribesTheEvents() {
        if (Boolean.getBoolean(EventContractLock.UPDATE_PROPERTY)) {
            EventContractDocument.write(seams, SeamsEventDocument.SETTINGS, SeamsEventDocument.PATH);
        }
        REPORT.check(
                EventContractDocument.documentMatchesTheEvents(
                        seams, SeamsEventDocument.SETTINGS, SeamsEventDocument.PATH),
                seams.classes());
    }

    @Test
    void rule7_noCallsToOtherModulesInsideTransactions() {
        TransactionRules.allowedCallsInTransactions(seams, ALLOWED_IN_TRANSACTION)
                .forEach(call -> System.out.println("Allowed in a transaction: " + call));
        REPORT.check(
                TransactionRules.noCallsToOtherModulesInTransactions(seams, ALLOWED_IN_TRANSACTION), seams.classes());
    }

    @Test
    void rule7_listenersToOtherModulesAreAsynchronous() {
        REPORT.check(TransactionRules.listenersToOtherModulesAreAsynchronous(seams), seams.classes());
    }

    @Test
    void rule8_testsUseOtherModulesOnlyThroughTheirApi() {
        REPORT.check(TestCodeRules.testsUseOnlyApisOfOtherModules(seams), seams.testClasses());
    }

    @Test
    void rule9_noFieldInjection() {
        REPORT.check(HygieneRules.noFieldInjection(), seams.classes());
    }

    @Test
    void rule9_moduleInternalsArePackagePrivateWhereTheyCanBe() {
        REPORT.check(HygieneRules.internalTypesArePublicOnlyWhenUsedElsewhere(seams), seams.classes());
    }

    @Test
    void rule9_noPackageCyclesInsideModules() {
        REPORT.check(HygieneRules.noPackageCyclesInsideModules(seams), seams.classes());
    }

    @Test
    void rule10_noBusinessModuleKnowsTheTopology() {
        REPORT.check(
                TopologyRules.businessModulesDoNotKnowTheTopology(
                        seams, "io.seams.shop.platform.distribution.topology.."),
                seams.classes());
    }

    @Test
    void rule11_theWebLayerReachesTheDomainThroughTheApplication() {
        REPORT.check(AnatomyRules.webReachesTheDomainThroughTheApplication(seams), seams.classes());
    }

    @Test
    void rule11_useCasesAreNamedAfterWhatTheyDo() {
        REPORT.check(AnatomyRules.useCasesAreNamedAfterWhatTheyDo(seams), seams.classes());
    }

    @Test
    void rule11_listenersAreSeparateFromUseCases() {
        REPORT.check(AnatomyRules.listenersAreSeparateFromUseCases(seams), seams.classes());
    }

    @Test
    void rule11_repositoriesAreNamedAfterWhatTheyHold() {
        REPORT.check(AnatomyRules.repositoriesAreNamedAfterWhatTheyHold(seams), seams.classes());
    }

    @Test
    void rule11_moduleApisAreDocumentedAtTheirRoot() {
        REPORT.check(AnatomyRules.moduleApisAreDocumentedAtTheirRoot(seams), seams.classes());
    }
}
