package io.seams.fitness;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import java.util.List;
import org.jmolecules.archunit.JMoleculesArchitectureRules;
import org.jmolecules.archunit.JMoleculesDddRules;

/** Rule 2: DDD building blocks and one architecture style inside every module. */
public final class DomainRules {

    private DomainRules() {}

    /**
     * jMolecules' DDD rules: aggregates refer to other aggregates by id, entities belong to one
     * aggregate, value objects refer to no identifiables, identifiables have an identifier.
     */
    public static ArchRule dddBuildingBlocks() {
        var name = "DDD building blocks are used as intended";
        return CompositeArchRule.of(used(name, "are jMolecules DDD building blocks", DomainRules::isDddType))
                .and(JMoleculesDddRules.all())
                .as(name)
                .because("an aggregate holding another aggregate's object graph cannot be split from it");
    }

    /**
     * The simplified onion inside every module: the domain ring depends on nothing outer, the
     * application ring not on infrastructure.
     */
    public static ArchRule onionInsideModules() {
        var name = "Modules are built as a simplified onion";
        return WithFix.of(
                CompositeArchRule.of(used(name, "are in a jMolecules onion ring", DomainRules::isInARing))
                        .and(JMoleculesArchitectureRules.ensureOnionSimple())
                        .as(name)
                        .because("a domain free of infrastructure moves to another process unchanged"),
                "depend inwards only (infrastructure on application on domain): move the type the inner ring"
                        + " needs into it, or let the inner ring declare an interface that the outer ring implements");
    }

    /**
     * Packages of frameworks: none of them in the domain. All of Spring and Jakarta EE (security,
     * caching, validation, events, transactions, as much as web and data), persistence and
     * serialization libraries, JDBC and HTTP clients, files and channels.
     */
    static final List<String> FRAMEWORK_PACKAGES = List.of(
            "org.springframework.",
            "jakarta.",
            "javax.servlet.",
            "javax.persistence.",
            "javax.transaction.",
            "javax.validation.",
            "javax.inject.",
            "org.hibernate.",
            "org.apache.kafka.",
            "com.fasterxml.jackson.",
            "tools.jackson.",
            "com.google.gson.",
            "io.micrometer.",
            "io.opentelemetry.",
            "reactor.",
            "org.postgresql.",
            "org.jooq.",
            "org.flywaydb.",
            "java.sql.",
            "javax.sql.",
            "java.net.http.",
            // Files and channels: input and output, the persistence layer's.
            "java.nio.file.Files",
            "java.nio.file.FileSystem",
            "java.io.File",
            "java.io.RandomAccessFile",
            "java.nio.channels.");

    /**
     * Framework packages that only annotate nullness, and say nothing about infrastructure: allowed
     * in the domain.
     */
    static final List<String> NULLNESS_ANNOTATIONS =
            List.of("org.springframework.lang.", "jakarta.annotation.Nullable", "jakarta.annotation.Nonnull");

    /**
     * The domain knows no framework: classes in a module's {@code domain} package (or below it), in
     * a package marked {@code @DomainRing}, or marked as a jMolecules DDD building block (by
     * annotation or type; repositories' implementations excepted, they are infrastructure), use no
     * type of Spring or Jakarta EE (web, data, transactions, events, security, caching, validation,
     * injection alike), Hibernate, Jackson or Gson, Micrometer, OpenTelemetry, Reactor, Kafka, the
     * PostgreSQL driver, jOOQ, Flyway, {@code java.sql}/{@code javax.sql} or the JDK's HTTP client; nullness annotations excepted. The onion rule checks only
     * what the rings name; this checks the
     * domain against the frameworks themselves.
     */
    public static ArchRule domainKnowsNoFramework(ModularApplication app) {
        return classes()
                .that(DescribedPredicate.describe("are in the domain", (JavaClass type) -> isDomain(app, type)))
                .should(Items.useNoTypeOf(
                        FRAMEWORK_PACKAGES,
                        NULLNESS_ANNOTATIONS,
                        "use no Spring, Jakarta EE, persistence, JSON, JDBC, HTTP client or file type",
                        "%s (%s) uses %s, a framework type, in the domain. Fix: keep it in the application, web or"
                                + " persistence layer, which maps to and from the domain"))
                .allowEmptyShould(true)
                .as("The domain knows no framework")
                .because("a domain tied to a transport, a database API or a JSON library cannot move with"
                        + " its module unchanged");
    }

    private static final java.util.Set<String> DDD_BUILDING_BLOCKS =
            java.util.Set.of("AggregateRoot", "Entity", "ValueObject", "Identity", "Association");

    static boolean isDomain(ModularApplication app, JavaClass type) {
        if (AnatomyRules.layerOf(app, type).filter("domain"::equals).isPresent()
                || type.getPackage().isAnnotatedWith("org.jmolecules.architecture.onion.simplified.DomainRing")
                || type.getPackage().isAnnotatedWith("org.jmolecules.architecture.onion.classical.DomainModelRing")) {
            return true;
        }
        if (type.getPackage().isAnnotatedWith("org.jmolecules.architecture.onion.simplified.InfrastructureRing")
                || type.isAssignableTo("org.jmolecules.ddd.types.Repository")
                || type.isAnnotatedWith("org.jmolecules.ddd.annotation.Repository")) {
            // A repository's implementation is infrastructure: it maps the domain to its storage.
            return false;
        }
        return type.getAnnotations().stream()
                        .anyMatch(annotation -> DDD_BUILDING_BLOCKS.contains(
                                annotation.getRawType().getName().replace("org.jmolecules.ddd.annotation.", "")))
                || type.getAllRawInterfaces().stream()
                        .anyMatch(parent -> parent.getPackageName().equals("org.jmolecules.ddd.types"));
    }

    /**
     * A rule that checks nothing but whether the application has classes the named rule is about:
     * named like that rule, it lets {@link FitnessReport} say the rule found nothing to check.
     */
    private static ArchRule used(String name, String what, java.util.function.Predicate<JavaClass> predicate) {
        return classes()
                .that(DescribedPredicate.describe(what, predicate))
                .should(new ArchCondition<JavaClass>("exist") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {}
                })
                .allowEmptyShould(true)
                .as(name);
    }

    static boolean isDddType(JavaClass type) {
        return type.getAnnotations().stream()
                        .anyMatch(annotation ->
                                annotation.getRawType().getPackageName().equals("org.jmolecules.ddd.annotation"))
                || type.getAllRawInterfaces().stream()
                        .anyMatch(parent -> parent.getPackageName().equals("org.jmolecules.ddd.types"));
    }

    private static boolean isInARing(JavaClass type) {
        return java.util.stream.Stream.concat(
                        type.getAnnotations().stream(), type.getPackage().getAnnotations().stream())
                .anyMatch(annotation ->
                        annotation.getRawType().getPackageName().startsWith("org.jmolecules.architecture.onion"));
    }
}
