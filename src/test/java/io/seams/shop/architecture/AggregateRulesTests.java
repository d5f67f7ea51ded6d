package io.seams.shop.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.seams.shop.orders.OrderId;
import io.seams.shop.platform.kernel.Aggregate;
import java.util.ArrayList;
import java.util.List;
import org.jmolecules.ddd.types.AggregateRoot;
import org.junit.jupiter.api.Test;

/**
 * The rule of AggregateRules on fixtures; SeamsFitnessTests runs it on Seams (as
 * {@code aggregates-extend-aggregate}) with the classes it has imported for every rule.
 */
class AggregateRulesTests {

    @Test
    void reportsAnAggregateThatKeepsItsOwnEventsAndVersion() {
        assertThat(violations(HandWrittenAggregate.class))
                .singleElement()
                .asString()
                .contains(HandWrittenAggregate.class.getName(), "AggregateRulesTests.java", "Fix: extend");
    }

    @Test
    void acceptsAnAggregateThatExtendsTheKernelsAndARecordThatNeverChanges() {
        assertThat(violations(KernelAggregate.class, Unchanging.class)).isEmpty();
    }

    private static List<String> violations(Class<?>... fixtures) {
        return AggregateRules.aggregatesExtendTheKernelsAggregate()
                .evaluate(new ClassFileImporter().importClasses(fixtures))
                .getFailureReport()
                .getDetails();
    }

    static class HandWrittenAggregate implements AggregateRoot<HandWrittenAggregate, OrderId> {

        private final OrderId id = OrderId.random();
        private final List<Object> events = new ArrayList<>();
        private final long version = 0;

        @Override
        public OrderId getId() {
            return id;
        }

        List<Object> events() {
            return events;
        }

        long version() {
            return version;
        }
    }

    static class KernelAggregate extends Aggregate<KernelAggregate, OrderId> {

        KernelAggregate() {
            super(OrderId.random(), 0);
        }
    }

    record Unchanging(OrderId id) implements AggregateRoot<Unchanging, OrderId> {

        @Override
        public OrderId getId() {
            return id;
        }
    }
}
