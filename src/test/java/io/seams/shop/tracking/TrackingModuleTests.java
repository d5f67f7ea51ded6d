package io.seams.shop.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.seams.shop.catalog.Sku;
import io.seams.shop.customers.CustomerId;
import io.seams.shop.inventory.StockReserved;
import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.OrderPlaced;
import io.seams.shop.platform.adapters.security.Caller;
import io.seams.shop.platform.kernel.Money;
import io.seams.shop.testing.EventPublications;
import io.seams.shop.tracking.application.FindTimeline;
import io.seams.shop.tracking.domain.TimelineEntry;
import io.seams.shop.tracking.domain.TimelineStep;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionTemplate;

@ApplicationModuleTest(verifyAutomatically = false)
class TrackingModuleTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FindTimeline timelines;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void eventsBecomeStepsInTheOrderTheyHappenedEachOnce(Scenario scenario) {
        var order = OrderId.random();
        var placedAt = Instant.parse("2026-11-25T10:00:00Z");
        var placed = new OrderPlaced(
                order,
                CustomerId.DEMO,
                List.of(new OrderPlaced.Line(new Sku("MUG-CLASSIC"), 1)),
                Money.of("12.90", "EUR"),
                placedAt);

        scenario.publish(new StockReserved(order, placedAt.plusSeconds(1)))
                .andWaitForStateChange(() -> stepsOf(order), steps -> steps.size() == 1);
        scenario.publish(placed).andWaitForStateChange(() -> stepsOf(order), steps -> steps.size() == 2);
        scenario.publish(placed)
                .andWaitForStateChange(this::nothingInFlight)
                .andVerify(done -> assertThat(stepsOf(order)).containsExactly("PLACED", "STOCK_RESERVED"));
    }

    /**
     * Whose order a timeline is, tracking knows from its own data: the test runs under tracking's
     * database role, which may read no other module's schema.
     */
    @Test
    @Tag("ex-06")
    void anOrdersTimelineIsShownToTheCustomerWhoPlacedItAndToStaffOnly() {
        var order = OrderId.random();
        var ada = new Caller("ada", Optional.of(CustomerId.DEMO.id()), Set.of(Caller.CUSTOMER));
        var alan = new Caller(
                "alan", Optional.of(UUID.fromString("c0ffee00-0000-4000-8000-000000000002")), Set.of(Caller.CUSTOMER));
        var sam = new Caller("sam", Optional.empty(), Set.of(Caller.STAFF));

        transactions.executeWithoutResult(status -> events.publishEvent(new OrderPlaced(
                order,
                CustomerId.DEMO,
                List.of(new OrderPlaced.Line(new Sku("MUG-CLASSIC"), 1)),
                Money.of("12.90", "EUR"),
                Instant.now())));
        await().atMost(Duration.ofSeconds(10)).until(this::nothingInFlight);

        assertThat(timelines.of(order, ada)).extracting(TimelineEntry::step).containsExactly(TimelineStep.PLACED);
        assertThat(timelines.of(order, sam)).extracting(TimelineEntry::step).containsExactly(TimelineStep.PLACED);
        assertThat(timelines.of(order, alan))
                .as("another customer's view of Ada's order")
                .isEmpty();
    }

    private List<String> stepsOf(OrderId order) {
        return jdbc.sql("SELECT step FROM tracking.timeline_entry WHERE order_id = ? ORDER BY occurred_at")
                .param(order.id())
                .query(String.class)
                .list();
    }

    private Boolean nothingInFlight() {
        return EventPublications.incomplete(jdbc) == 0;
    }
}
