package io.seams.shop.architecture;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import io.seams.shop.platform.kernel.Aggregate;
import org.jmolecules.ddd.types.AggregateRoot;

/**
 * A rule of Seams' own: every aggregate root with state that changes extends the kernel's
 * {@link Aggregate}, so identity, the version it was loaded at and the events it raises are
 * written once, and every repository saves it the same way (through {@code AggregateEvents}). An
 * aggregate that never changes (a record, like the catalog's {@code Product}) raises nothing and
 * needs none of it.
 */
final class AggregateRules {

    private AggregateRules() {}

    static ArchRule aggregatesExtendTheKernelsAggregate() {
        return classes()
                .that()
                .implement(AggregateRoot.class)
                .and()
                .areNotRecords()
                .and()
                .areNotInterfaces()
                .and()
                .doNotHaveFullyQualifiedName(Aggregate.class.getName())
                .should(new ArchCondition<JavaClass>("extend the kernel's Aggregate") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        if (!type.isAssignableTo(Aggregate.class)) {
                            events.add(violated(
                                    type,
                                    "%s implements AggregateRoot itself %s. Fix: extend %s, pass the id and"
                                                    .formatted(
                                                            type.getName(),
                                                            type.getSourceCodeLocation(),
                                                            Aggregate.class.getName())
                                            + " the loaded version to its constructor, raise(event) in its"
                                            + " transitions, and save it through AggregateEvents"));
                        }
                    }
                })
                .allowEmptyShould(true)
                .as("Aggregates extend the kernel's Aggregate")
                .because("identity, optimistic locking and event publishing are one mechanism, written once");
    }
}
