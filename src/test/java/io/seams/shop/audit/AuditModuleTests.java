package io.seams.shop.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.orders.OrderCancelled;
import io.seams.shop.orders.OrderId;
import io.seams.shop.payments.PaymentRefunded;
import io.seams.shop.platform.kernel.Money;
import io.seams.shop.testing.EventPublications;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

@ApplicationModuleTest(verifyAutomatically = false)
class AuditModuleTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCancellationAndItsRefundAreRecordedOnceHoweverOftenTheyArrive(Scenario scenario) {
        var order = OrderId.random();
        var cancelled = new OrderCancelled(order, CustomerId.random(), "changed my mind", Instant.now());
        var refunded = new PaymentRefunded(order, Money.of("25.80", "EUR"), Instant.now());

        scenario.publish(cancelled).andWaitForStateChange(() -> entriesFor(order), count -> count == 1);
        scenario.publish(refunded).andWaitForStateChange(() -> entriesFor(order), count -> count == 2);
        scenario.publish(cancelled).andWaitForStateChange(this::nothingInFlight);
        scenario.publish(refunded)
                .andWaitForStateChange(this::nothingInFlight)
                .andVerify(done -> assertThat(jdbc.sql("SELECT action FROM audit.entry WHERE order_id = ? ORDER BY id")
                                .param(order.id())
                                .query(String.class)
                                .list())
                        .containsExactly("order cancelled", "payment refunded"));
    }

    private long entriesFor(OrderId order) {
        return jdbc.sql("SELECT count(*) FROM audit.entry WHERE order_id = ?")
                .param(order.id())
                .query(Long.class)
                .single();
    }

    private Boolean nothingInFlight() {
        return EventPublications.incomplete(jdbc) == 0;
    }
}
