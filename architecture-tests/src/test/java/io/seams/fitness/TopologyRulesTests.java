package io.seams.fitness;

import io.seams.fitness.fixtures.clean.CleanApplication;
import io.seams.fitness.fixtures.topology.TopologyApplication;
import org.junit.jupiter.api.Test;

class TopologyRulesTests {

    static final ModularApplication violating = ModularApplication.of(TopologyApplication.class)
            .withSources(Fixtures.path("src/test/java"), Fixtures.path("src/test/java"));
    static final ModularApplication clean = ModularApplication.of(CleanApplication.class);

    @Test
    void reportsABusinessModuleReadingTheEnvironmentOrTheTopology() {
        Violations.assertExactly(
                TopologyRules.businessModulesDoNotKnowTheTopology(violating, "..platform.topology.."),
                violating.classes(),
                "io.seams.fitness.fixtures.topology.ordering.Checkout (Checkout.java) depends on"
                        + " io.seams.fitness.fixtures.topology.platform.topology.Hosting",
                "io.seams.fitness.fixtures.topology.ordering.Checkout (Checkout.java) depends on"
                        + " org.springframework.core.env.Environment",
                "io.seams.fitness.fixtures.topology.ordering.StockCheck (StockCheck.java:12) reads System.getenv():"
                        + " the process's settings, which differ once the module is extracted. Fix: let a shared"
                        + " module bind the configuration",
                "io.seams.fitness.fixtures.topology.ordering.StockCheck (StockCheck.java) uses java.net.http.HttpClient:"
                        + " it reaches across processes itself. Fix: call the other module's API interface or listen"
                        + " to its events",
                "io.seams.fitness.fixtures.topology.ordering.StockCheck (StockCheck.java) uses java.net.http.HttpRequest",
                "io.seams.fitness.fixtures.topology.ordering.StockCheck (StockCheck.java) uses java.net.http.HttpResponse",
                "io.seams.fitness.fixtures.topology.ordering.BrokerSettings (BrokerSettings.java) reads"
                        + " spring.kafka.bootstrap-servers, a setting of the process it runs in rather than of the"
                        + " module. Fix: let a shared module use it",
                "io.seams.fitness.fixtures.topology.ordering.BrokerSettings (BrokerSettings.java) reads"
                        + " spring.profiles.active",
                "io.seams.fitness.fixtures.topology.ordering.CarrierStatus (CarrierStatus.java:17) calls"
                        + " URL.openStream(): it reaches across processes itself",
                // Programs on the host.
                "io.seams.fitness.fixtures.topology.ordering.LabelPrinter (LabelPrinter.java:12) calls"
                        + " Runtime.exec(): it reaches across processes itself. Fix: do the work in the module's"
                        + " code, or let a shared module (the platform) offer the program behind an interface",
                "io.seams.fitness.fixtures.topology.ordering.LabelPrinter (LabelPrinter.java) uses"
                        + " java.lang.ProcessBuilder: it reaches across processes itself",
                "io.seams.fitness.fixtures.topology.ordering.CarrierStatus (CarrierStatus.java) depends on"
                        + " org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean",
                // The key it gives environment.getProperty(...), read from its source.
                "io.seams.fitness.fixtures.topology.ordering.Checkout (Checkout.java) reads seams.topology.modules, a"
                        + " setting of the process it runs in",
                // The environment reached as a ConfigurableEnvironment.
                "io.seams.fitness.fixtures.topology.ordering.CutOff (CutOff.java) depends on"
                        + " org.springframework.core.env.ConfigurableEnvironment");
    }

    @Test
    void reportsABusinessModuleReadingAnotherModulesConfiguration() {
        Violations.assertExactly(
                TopologyRules.modulesReadOnlyTheirOwnConfiguration(violating),
                violating.classes(),
                "io.seams.fitness.fixtures.topology.ordering.Reminders (Reminders.java) reads the billing module's"
                        + " configuration (shop.billing.grace-period): once billing is extracted, its settings go"
                        + " with it. Fix: ask the billing module's API for what you need, or give ordering a"
                        + " setting of its own",
                "io.seams.fitness.fixtures.topology.ordering.RetrySettings (RetrySettings.java) reads the billing"
                        + " module's configuration (shop.billing.retries)",
                "io.seams.fitness.fixtures.topology.ordering.OverdueInvoices (OverdueInvoices.java) reads the billing"
                        + " module's configuration (shop.billing.check-interval)",
                // Through SpEL: environment['...'] and @environment.getProperty('...').
                "io.seams.fitness.fixtures.topology.ordering.Reminders (Reminders.java) reads the billing module's"
                        + " configuration (shop.billing.reminder-delay)",
                "io.seams.fitness.fixtures.topology.ordering.Reminders (Reminders.java) reads the billing module's"
                        + " configuration (shop.billing.currency)",
                // A literal given to the environment's getProperty(...).
                "io.seams.fitness.fixtures.topology.ordering.CutOff (CutOff.java) reads the billing module's"
                        + " configuration (shop.billing.cut-off)");
    }

    @Test
    void reportsABusinessModuleDeclaringSomethingForTheWholeProcess() {
        Violations.assertExactly(
                TopologyRules.modulesDeclareNothingForTheWholeProcess(violating),
                violating.classes(),
                "io.seams.fitness.fixtures.topology.ordering.OrderingConfiguration (OrderingConfiguration.java)"
                        + " switches @EnableAsync on for the whole process, other modules included; extracted, the"
                        + " module takes it away from them. Fix: let a shared module (the platform) switch it on",
                "io.seams.fitness.fixtures.topology.ordering.OrderingConfiguration (OrderingConfiguration.java) makes"
                        + " orderingExecutor() the primary java.util.concurrent.Executor of the whole process, every"
                        + " module's. Fix: give it a @Qualifier",
                "io.seams.fitness.fixtures.topology.ordering.OrderingConfiguration (OrderingConfiguration.java) makes"
                        + " orderingTasks() the primary java.util.concurrent.Executor of the whole process",
                "io.seams.fitness.fixtures.topology.ordering.OrderingProblems (OrderingProblems.java) advises every"
                        + " controller of the process (@RestControllerAdvice without a scope inside the module), other modules' too."
                        + " Fix: scope it to the module's own controllers",
                "io.seams.fitness.fixtures.topology.ordering.WideProblems (WideProblems.java) advises every"
                        + " controller of the process",
                "io.seams.fitness.fixtures.topology.ordering.ProcessDefaults (ProcessDefaults.java:16) calls"
                        + " TimeZone.setDefault, which changes (or ends) the whole process, other modules included",
                "io.seams.fitness.fixtures.topology.ordering.ProcessDefaults (ProcessDefaults.java:17) calls"
                        + " System.setProperty",
                "io.seams.fitness.fixtures.topology.ordering.ProcessDefaults (ProcessDefaults.java:22) calls"
                        + " System.exit",
                "io.seams.fitness.fixtures.topology.ordering.OrderingTasks (OrderingTasks.java) is @Primary for a type"
                        + " the module does not own: every module that asks for java.util.concurrent.Executor gets it");
    }

    @Test
    void passesACleanApplication() {
        Violations.assertNone(TopologyRules.modulesDeclareNothingForTheWholeProcess(clean), clean.classes());
        Violations.assertNone(
                TopologyRules.businessModulesDoNotKnowTheTopology(clean, "..platform.topology.."), clean.classes());
        Violations.assertNone(TopologyRules.modulesReadOnlyTheirOwnConfiguration(clean), clean.classes());
    }
}
