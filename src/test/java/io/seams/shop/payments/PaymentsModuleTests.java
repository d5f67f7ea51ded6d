package io.seams.shop.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.orders.OrderCancelled;
import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.OrderReserved;
import io.seams.shop.platform.kernel.Money;
import io.seams.shop.testing.EventPublications;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

@ApplicationModuleTest(verifyAutomatically = false)
class PaymentsModuleTests {

    static final Money TOTAL = Money.of("25.80", "EUR");

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReservedOrderIsAuthorisedOnceHoweverOftenItArrives(Scenario scenario) {
        var reserved = reserved(OrderId.random(), "tok_visa");

        scenario.publish(reserved).andWaitForStateChange(() -> statusOf(reserved.orderId()), "AUTHORIZED"::equals);
        var reference = referenceOf(reserved.orderId());
        scenario.publish(reserved).andWaitForStateChange(this::nothingInFlight).andVerify(done -> {
            assertThat(statusOf(reserved.orderId())).isEqualTo("AUTHORIZED");
            assertThat(referenceOf(reserved.orderId())).isEqualTo(reference);
            assertThat(versionOf(reserved.orderId())).isEqualTo(1);
        });
    }

    @Test
    void aDeclinedCardIsDeclined(Scenario scenario) {
        var order = OrderId.random();

        scenario.publish(reserved(order, "tok_decline"))
                .andWaitForStateChange(() -> statusOf(order), "DECLINED"::equals)
                .andVerify(status -> assertThat(reasonOf(order)).isEqualTo("Card declined"));
    }

    @Test
    void anAmountAboveTheLimitIsDeclined(Scenario scenario) {
        var order = OrderId.random();

        scenario.publish(new OrderReserved(
                        order, CustomerId.DEMO, Money.of("1000.01", "EUR"), "tok_visa", Instant.now()))
                .andWaitForStateChange(() -> statusOf(order), "DECLINED"::equals)
                .andVerify(status -> assertThat(reasonOf(order)).contains("limit"));
    }

    @Test
    void aCancelledOrderIsRefundedOnceHoweverOftenItArrives(Scenario scenario) {
        var order = OrderId.random();
        scenario.publish(reserved(order, "tok_visa"))
                .andWaitForStateChange(() -> statusOf(order), "AUTHORIZED"::equals);
        var cancelled = new OrderCancelled(order, CustomerId.DEMO, "Changed my mind", Instant.now());

        scenario.publish(cancelled).andWaitForStateChange(() -> statusOf(order), "REFUNDED"::equals);
        scenario.publish(cancelled).andWaitForStateChange(this::nothingInFlight).andVerify(done -> {
            assertThat(statusOf(order)).isEqualTo("REFUNDED");
            assertThat(versionOf(order)).isEqualTo(2);
        });
    }

    @Test
    void anOrderCancelledBeforeItsPaymentIsNeverCharged(Scenario scenario) {
        var order = OrderId.random();
        scenario.publish(new OrderCancelled(order, CustomerId.DEMO, "Changed my mind", Instant.now()))
                .andWaitForStateChange(() -> statusOf(order), "VOIDED"::equals);

        scenario.publish(reserved(order, "tok_visa"))
                .andWaitForStateChange(this::nothingInFlight)
                .andVerify(done -> assertThat(statusOf(order)).isEqualTo("VOIDED"));
        assertThat(referenceOf(order)).isNull();
    }

    @Test
    void aCancellationWhileTheGatewayHasNotAnsweredVoidsThePaymentForGood(Scenario scenario) {
        var order = OrderId.random();
        var reserved = reserved(order, "tok_unavailable");
        scenario.publish(reserved).andWaitForStateChange(() -> statusOf(order), "PENDING"::equals);

        scenario.publish(new OrderCancelled(order, CustomerId.DEMO, "Timed out", Instant.now()))
                .andWaitForStateChange(() -> statusOf(order), "VOIDED"::equals);

        // The gateway answering late, or the event coming again, cannot revive the payment.
        scenario.publish(reserved)
                .andWaitForStateChange(() -> statusOf(order))
                .andVerify(status -> assertThat(status).isEqualTo("VOIDED"));
        assertThat(referenceOf(order)).isNull();
    }

    private static OrderReserved reserved(OrderId order, String token) {
        return new OrderReserved(order, CustomerId.DEMO, TOTAL, token, Instant.now());
    }

    private String statusOf(OrderId order) {
        return column(order, "status");
    }

    private String referenceOf(OrderId order) {
        return column(order, "gateway_reference");
    }

    private String reasonOf(OrderId order) {
        return column(order, "reason");
    }

    private long versionOf(OrderId order) {
        return Long.parseLong(column(order, "version"));
    }

    private String column(OrderId order, String column) {
        return jdbc.sql("SELECT %s::text FROM payments.payment WHERE order_id = ?".formatted(column))
                .param(order.id())
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private Boolean nothingInFlight() {
        return EventPublications.incomplete(jdbc) == 0;
    }
}
