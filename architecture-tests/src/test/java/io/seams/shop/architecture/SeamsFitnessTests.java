package io.seams.shop.architecture;

import io.seams.fitness.AnatomyRules;
import io.seams.fitness.ApiRules;
import io.seams.fitness.DataOwnershipRules;
import io.seams.fitness.DatabaseRules;
import io.seams.fitness.DomainRules;
import io.seams.fitness.EventContractDocument;
import io.seams.fitness.EventContractLock;
import io.seams.fitness.EventContractRules;
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

    static final Path EVENT_LOCK = Path.of("architecture-tests", "event-contracts.lock.json");
    static final String ALLOWED_IN_TRANSACTION = "io.seams.shop.platform.AllowedInTransaction";

    @Test
    void rule1_modulesUseOnlyTheApisOfTheirDeclaredDependencies() {
        ModuleRules.modulesUseOnlyApisOfDeclaredDependencies(seams).check(seams.classes());
    }

    @Test
    void rule1_modulesDeclareTheirAllowedDependencies() {
        ModuleRules.modulesDeclareTheirDependencies(seams).check(seams.classes());
    }

    @Test
    void rule1_modulesHaveNoSynchronousCycles() {
        ModuleRules.modulesHaveNoSynchronousCycles(seams).check(seams.classes());
    }

    @Test
    void rule1_moduleApisAreRemoteSafe() {
        ApiRules.moduleApisAreRemoteSafe(seams).check(seams.classes());
    }

    @Test
    void rule2_dddBuildingBlocksAreUsedAsIntended() {
        DomainRules.dddBuildingBlocks().check(seams.classes());
    }

    @Test
    void rule2_modulesAreBuiltAsASimplifiedOnion() {
        DomainRules.onionInsideModules().check(seams.classes());
    }

    @Test
    void rule2_theDomainKnowsNoFramework() {
        DomainRules.domainKnowsNoFramework(seams).check(seams.classes());
    }

    @Test
    void rule3_moduleSqlNamesOnlyItsOwnSchema() {
        DataOwnershipRules.moduleSqlNamesOnlyItsOwnSchema(seams).check(seams.classes());
    }

    @Test
    void rule3_migrationsChangeOnlyTheirOwnSchema() {
        DataOwnershipRules.migrationsChangeOnlyTheirOwnSchema(seams).check(seams.classes());
    }

    @Test
    void rule4_noDatabaseObjectCrossesSchemas() {
        var database = TestDatabases.fresh();
        var dataSource = new DriverManagerDataSource(database.url(), database.username(), database.password());
        MigratedDatabase.migrateEachFolder(dataSource, seams);

        DatabaseRules.noDatabaseObjectCrossesSchemas(dataSource, DataOwnershipRules.schemas(seams))
                .check(seams.classes());
    }

    @Test
    void rule5_eventsAreSafeContracts() {
        EventContractRules.eventsAreSafeContracts(seams).check(seams.classes());
    }

    @Test
    void rule6_eventsMatchTheirLockedContracts() {
        if (Boolean.getBoolean(EventContractLock.UPDATE_PROPERTY)) {
            EventContractLock.update(seams, EVENT_LOCK);
        }
        EventContractLock.eventsMatchTheirLockedContracts(seams, EVENT_LOCK).check(seams.classes());
    }

    @Test
    void rule6_theAsyncApiDocumentDescribesTheEvents() {
        if (Boolean.getBoolean(EventContractLock.UPDATE_PROPERTY)) {
            EventContractDocument.write(seams, SeamsEventDocument.SETTINGS, SeamsEventDocument.PATH);
        }
        EventContractDocument.documentMatchesTheEvents(seams, SeamsEventDocument.SETTINGS, SeamsEventDocument.PATH)
                .check(seams.classes());
    }

    @Test
    void rule7_noCallsToOtherModulesInsideTransactions() {
        TransactionRules.allowedCallsInTransactions(seams, ALLOWED_IN_TRANSACTION)
                .forEach(call -> System.out.println("Allowed in a transaction: " + call));
        TransactionRules.noCallsToOtherModulesInTransactions(seams, ALLOWED_IN_TRANSACTION)
                .check(seams.classes());
    }

    @Test
    void rule7_listenersToOtherModulesAreAsynchronous() {
        TransactionRules.listenersToOtherModulesAreAsynchronous(seams).check(seams.classes());
    }

    @Test
    void rule8_testsUseOtherModulesOnlyThroughTheirApi() {
        TestCodeRules.testsUseOnlyApisOfOtherModules(seams).check(seams.testClasses());
    }

    @Test
    void rule9_noFieldInjection() {
        HygieneRules.noFieldInjection().check(seams.classes());
    }

    @Test
    void rule9_moduleInternalsArePackagePrivateWhereTheyCanBe() {
        HygieneRules.internalTypesArePublicOnlyWhenUsedElsewhere(seams).check(seams.classes());
    }

    @Test
    void rule9_noPackageCyclesInsideModules() {
        HygieneRules.noPackageCyclesInsideModules(seams).check(seams.classes());
    }

    @Test
    void rule10_noBusinessModuleKnowsTheTopology() {
        TopologyRules.businessModulesDoNotKnowTheTopology(seams, "io.seams.shop.platform.distribution.topology..")
                .check(seams.classes());
    }

    @Test
    void rule11_theWebLayerReachesTheDomainThroughTheApplication() {
        AnatomyRules.webReachesTheDomainThroughTheApplication(seams).check(seams.classes());
    }

    @Test
    void rule11_useCasesAreNamedAfterWhatTheyDo() {
        AnatomyRules.useCasesAreNamedAfterWhatTheyDo(seams).check(seams.classes());
    }

    @Test
    void rule11_listenersAreSeparateFromUseCases() {
        AnatomyRules.listenersAreSeparateFromUseCases(seams).check(seams.classes());
    }

    @Test
    void rule11_repositoriesAreNamedAfterWhatTheyHold() {
        AnatomyRules.repositoriesAreNamedAfterWhatTheyHold(seams).check(seams.classes());
    }

    @Test
    void rule11_moduleApisAreDocumentedAtTheirRoot() {
        AnatomyRules.moduleApisAreDocumentedAtTheirRoot(seams).check(seams.classes());
    }
}
