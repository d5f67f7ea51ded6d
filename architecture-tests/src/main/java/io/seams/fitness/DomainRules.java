package io.seams.fitness;

import com.tngtech.archunit.lang.ArchRule;
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
        return JMoleculesDddRules.all()
                .as("DDD building blocks are used as intended")
                .because("an aggregate holding another aggregate's object graph cannot be split from it");
    }

    /**
     * The simplified onion inside every module: the domain ring depends on nothing outer, the
     * application ring not on infrastructure.
     */
    public static ArchRule onionInsideModules() {
        return JMoleculesArchitectureRules.ensureOnionSimple()
                .as("Modules are built as a simplified onion")
                .because("a domain free of infrastructure moves to another process unchanged");
    }
}
