package io.seams.fitness;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.seams.fitness.fixtures.clean.CleanApplication;
import io.seams.fitness.fixtures.structure.StructureApplication;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class ModuleRulesTests {

    static final ModularApplication violating = ModularApplication.of(StructureApplication.class);
    static final ModularApplication clean = ModularApplication.of(CleanApplication.class);

    @Test
    void reportsAccessToAnotherModulesInternals() {
        Violations.assertExactly(
                ModuleRules.modulesUseOnlyApisOfDeclaredDependencies(violating),
                violating.classes(),
                "Module 'b' depends on module 'a' via io.seams.fitness.fixtures.structure.b.BApi"
                        + " -> io.seams.fitness.fixtures.structure.a.internal.Secret");
        assertThat(Violations.of(ModuleRules.modulesUseOnlyApisOfDeclaredDependencies(violating), violating.classes()))
                .singleElement(as(InstanceOfAssertFactories.STRING))
                .contains(
                        "(BApi.java:9). Fix: use the other module's API (the base package or a named interface of 'a')"
                                + " instead of Secret, which 'a' keeps internal");
    }

    @Test
    void reportsAModuleWithoutDeclaredDependencies() {
        Violations.assertExactly(
                ModuleRules.modulesDeclareTheirDependencies(violating),
                violating.classes(),
                "Module 'c' does not declare its allowed dependencies");
    }

    @Test
    void reportsASynchronousCycleButNotAnEventRoundTrip() {
        Violations.assertExactly(
                ModuleRules.modulesHaveNoSynchronousCycles(violating),
                violating.classes(),
                "Cycle detected: Slice b -> \n                Slice c -> \n                Slice b");
        assertThat(Violations.of(ModuleRules.modulesHaveNoSynchronousCycles(violating), violating.classes()))
                .singleElement(as(InstanceOfAssertFactories.STRING))
                .contains("Fix: break one direction of the cycle");
    }

    @Test
    void reportsAModuleLoadingAClassByNameOrScanningPackages() {
        var sources = violating.withSources(Fixtures.path("src/test/java"), Fixtures.path("src/test/java"));
        Violations.assertExactly(
                ModuleRules.modulesReachOthersOnlyThroughTypes(sources),
                sources.classes(),
                "io.seams.fitness.fixtures.structure.c.Reflective (Reflective.java:13) loads a class by its name"
                        + " (Class.forName): a dependency no rule sees, which fails only at run time once the class is"
                        + " in another process. Fix: depend on the other module's API type",
                "io.seams.fitness.fixtures.structure.c.Reflective (Reflective.java:19) loads a class by its name"
                        + " (ClassUtils.forName)",
                "io.seams.fitness.fixtures.structure.c.Reflective (Reflective.java:25) looks up a member by its"
                        + " name (Class.getDeclaredMethod): it reaches what no type shows",
                "io.seams.fitness.fixtures.structure.c.Reflective (Reflective.java:29) looks up a member by its"
                        + " name (ReflectionUtils.findField)",
                "io.seams.fitness.fixtures.structure.c.Limits (Limits.java:13) names"
                        + " io.seams.fitness.fixtures.structure.a.internal.Secret, internal to module 'a', but its class"
                        + " file holds no trace of it: the compiler copied one of its constants",
                "io.seams.fitness.fixtures.structure.c.Reflective (Reflective.java) scans packages itself"
                        + " (@ComponentScan): it can pull another module's internal beans into its own",
                "io.seams.fitness.fixtures.structure.c.Scanning (Scanning.java) scans packages itself"
                        + " (@ConfigurationPropertiesScan)",
                "io.seams.fitness.fixtures.structure.c.Scanning (Scanning.java) scans packages itself"
                        + " (@EnableLedgers)",
                // Module a's internal bean named; b's API bean named is fine.
                "io.seams.fitness.fixtures.structure.c.Wiring (Wiring.java, @DependsOn) names the bean \"jdbcLedger\""
                        + " of io.seams.fitness.fixtures.structure.a.internal.JdbcLedger, internal to module 'a': a"
                        + " dependency no rule on types sees",
                "io.seams.fitness.fixtures.structure.c.Wiring (Wiring.java, @Qualifier) names the bean \"jdbcLedger\"",
                "io.seams.fitness.fixtures.structure.c.Wiring (Wiring.java, @Resource) names the bean \"jdbcLedger\"",
                "io.seams.fitness.fixtures.structure.c.Wiring (Wiring.java:29, getBean) names the bean \"jdbcLedger\"");
    }

    @Test
    void reportsAClassInNoModule() {
        Violations.assertExactly(
                ModuleRules.everyClassBelongsToAModule(violating),
                violating.classes(),
                "io.seams.fitness.fixtures.structure.Lookups (Lookups.java) is in the application's root package and"
                        + " so in no module. Fix: move it into the module that owns it");
    }

    @Test
    void passesACleanApplication() {
        Violations.assertNone(ModuleRules.modulesUseOnlyApisOfDeclaredDependencies(clean), clean.classes());
        Violations.assertNone(ModuleRules.modulesDeclareTheirDependencies(clean), clean.classes());
        Violations.assertNone(ModuleRules.modulesHaveNoSynchronousCycles(clean), clean.classes());
        Violations.assertNone(ModuleRules.modulesReachOthersOnlyThroughTypes(clean), clean.classes());
        Violations.assertNone(ModuleRules.everyClassBelongsToAModule(clean), clean.classes());
    }

    @Test
    void aDeclarationNamingNoSuchInterfaceIsReportedAndTheOtherModulesAreStillChecked() {
        var app = ModularApplication.of(io.seams.fitness.fixtures.declarations.DeclarationsApplication.class);

        Violations.assertExactly(
                ModuleRules.modulesUseOnlyApisOfDeclaredDependencies(app),
                app.classes(),
                "Module 'ordering' allows a dependency that does not exist (No named interface named 'internals'",
                "Rates");
    }
}
