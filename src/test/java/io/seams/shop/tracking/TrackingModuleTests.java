package io.seams.shop.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.shop.catalog.Sku;
import io.seams.shop.customers.CustomerId;
import io.seams.shop.inventory.StockReserved;
import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.OrderPlaced;
import io.seams.shop.platform.kernel.Money;
import io.seams.shop.testing.EventPublications;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

@ApplicationModuleTest(verifyAutomatically = false)
class TrackingModuleTests {

    @Autowired
    JdbcClient jdbc;

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
