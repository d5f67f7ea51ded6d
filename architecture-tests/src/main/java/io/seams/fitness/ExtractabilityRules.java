package io.seams.fitness;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.all;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.AbstractClassesTransformer;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ClassesTransformer;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.modulith.ApplicationModule.Type;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Fitness rules that keep the modules of a Spring Modulith application extractable. They know
 * nothing about any particular application: give them the application class, then evaluate
 * each rule against {@link #classes()}.
 *
 * <p>The application's classes are imported once per application class and shared by every rule
 * (importing is the expensive part of an ArchUnit run).
 *
 * <pre>{@code
 * var rules = ExtractabilityRules.of(MyApplication.class);
 * rules.modulesHaveNoSynchronousCycles().check(rules.classes());
 * }</pre>
 */
public final class ExtractabilityRules {

    private static final Map<Class<?>, ExtractabilityRules> IMPORTED = new ConcurrentHashMap<>();

    private final ApplicationModules modules;
    private final JavaClasses classes;

    private ExtractabilityRules(Class<?> applicationClass) {
        this.modules = ApplicationModules.of(applicationClass);
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(applicationClass.getPackageName());
    }

    /** The rules for the application whose main class is given; imported once, then shared. */
    public static ExtractabilityRules of(Class<?> applicationClass) {
        return IMPORTED.computeIfAbsent(applicationClass, ExtractabilityRules::new);
    }

    /** The application's production classes, to evaluate the rules against. */
    public JavaClasses classes() {
        return classes;
    }

    /** The application's modules as Spring Modulith sees them. */
    public ApplicationModules modules() {
        return modules;
    }

    /**
     * A module uses only the API of other modules (their base package or named interfaces), and
     * only of the modules it declares as allowed dependencies.
     */
    public ArchRule modulesUseOnlyApisOfDeclaredDependencies() {
        return all(applicationModules())
                .should(new ArchCondition<ApplicationModule>("use only APIs of their declared dependencies") {
                    @Override
                    public void check(ApplicationModule module, ConditionEvents events) {
                        module.detectDependencies(modules)
                                .getMessages()
                                .forEach(message -> events.add(violated(
                                        module,
                                        message + "\n  Fix: call the other module's API, or declare the"
                                                + " dependency in allowedDependencies of "
                                                + module.getBasePackage().getName()
                                                + ".package-info (a reviewed change).")));
                    }
                })
                .because("a module that reaches into another's internals cannot be extracted without rewriting both");
    }

    /**
     * Every module declares its allowed dependencies explicitly (deny by default), so a new
     * dependency is a visible, reviewed change of a {@code package-info.java}.
     */
    public ArchRule modulesDeclareTheirDependencies() {
        return all(applicationModules())
                .should(new ArchCondition<ApplicationModule>("declare their allowed dependencies explicitly") {
                    @Override
                    public void check(ApplicationModule module, ConditionEvents events) {
                        if (module.isOpen()) {
                            events.add(violated(
                                    module,
                                    "Module '%s' is open (Type.%s): every type of it is API"
                                            .formatted(module.getIdentifier(), Type.OPEN)));
                            return;
                        }
                        if (!declaresDependencies(module)) {
                            events.add(violated(
                                    module,
                                    ("Module '%s' does not declare its allowed dependencies. Fix: add"
                                                    + " @ApplicationModule(allowedDependencies = {...}) to %s.package-info")
                                            .formatted(
                                                    module.getIdentifier(),
                                                    module.getBasePackage().getName())));
                        }
                    }
                })
                .because("a dependency nobody declared is a dependency nobody reviewed");
    }

    /**
     * No cycles among modules through synchronous dependencies: calls, injected components and
     * shared types. Events are left out on purpose: a module reacting to another's events while
     * that one reacts to its own is a legitimate conversation, not a cycle, and survives
     * extraction unchanged.
     */
    public ArchRule modulesHaveNoSynchronousCycles() {
        return SlicesRuleDefinition.slices()
                .assignedFrom(moduleSlices())
                .should()
                .beFreeOfCycles()
                .ignoreDependency(DescribedPredicate.alwaysTrue(), ModuleEvents.eventTypes())
                .because("modules in a synchronous cycle can only be deployed together");
    }

    private boolean declaresDependencies(ApplicationModule module) {
        try {
            var packageInfo = Class.forName(module.getBasePackage().getName() + ".package-info");
            var annotation = packageInfo.getAnnotation(org.springframework.modulith.ApplicationModule.class);
            return annotation != null
                    && !Arrays.asList(annotation.allowedDependencies())
                            .contains(org.springframework.modulith.ApplicationModule.OPEN_TOKEN);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private ClassesTransformer<ApplicationModule> applicationModules() {
        return new AbstractClassesTransformer<>("application modules") {
            @Override
            public Iterable<ApplicationModule> doTransform(JavaClasses classes) {
                return modules.stream().toList();
            }
        };
    }

    private SliceAssignment moduleSlices() {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass type) {
                return modules.getModuleByType(type.getName())
                        .map(module -> SliceIdentifier.of(module.getIdentifier().toString()))
                        .orElse(SliceIdentifier.ignore());
            }

            @Override
            public String getDescription() {
                return "application modules";
            }
        };
    }

    static List<String> namesOf(ApplicationModules modules) {
        return modules.stream().map(module -> module.getIdentifier().toString()).toList();
    }
}
