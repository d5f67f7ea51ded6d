package io.seams.shop.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.seams.shop.orders.OrderId;
import io.seams.shop.payments.PaymentAuthorized;
import io.seams.shop.payments.PaymentDeclined;
import io.seams.shop.payments.PaymentRefunded;
import io.seams.shop.platform.kernel.Money;
import io.seams.shop.platform.kernel.Transition;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentTests {

    static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    static final Money TOTAL = Money.of("25.80", "EUR");

    OrderId order = OrderId.random();

    @Test
    void anApprovedPaymentIsAuthorisedOnce() {
        var payment = Payment.request(order, TOTAL, "tok_visa");

        assertThat(payment.authorize("sim_1", NOW)).isEqualTo(Transition.applied());
        assertThat(payment.decline("late", NOW).isRefused()).isTrue();
        assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(payment.drainEvents()).containsExactly(new PaymentAuthorized(order, TOTAL, NOW));
    }

    @Test
    void aDeclinedPaymentKeepsItsReason() {
        var payment = Payment.request(order, TOTAL, "tok_decline");

        payment.decline("Card declined", NOW);

        assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(payment.needsRefund()).isFalse();
        assertThat(payment.drainEvents()).containsExactly(new PaymentDeclined(order, "Card declined", NOW));
    }

    @Test
    void onlyAnAuthorisedPaymentIsRefundedAndOnlyOnce() {
        var payment = Payment.request(order, TOTAL, "tok_visa");
        payment.authorize("sim_1", NOW);
        payment.drainEvents();

        assertThat(payment.needsRefund()).isTrue();
        assertThat(payment.refund(NOW)).isEqualTo(Transition.applied());
        assertThat(payment.refund(NOW)).isEqualTo(Transition.unchanged());
        assertThat(payment.drainEvents()).containsExactly(new PaymentRefunded(order, TOTAL, NOW));
    }

    @Test
    void aPendingPaymentOfACancelledOrderTakesNoAnswer() {
        var payment = Payment.request(order, TOTAL, "tok_visa");

        assertThat(payment.voidPending()).isEqualTo(Transition.applied());
        assertThat(payment.authorize("sim_1", NOW).isRefused()).isTrue();
        assertThat(payment.status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(payment.drainEvents()).isEmpty();
    }

    @Test
    void aPaymentVoidedBeforeItWasAskedForNeverTakesOne() {
        var payment = Payment.voided(order);

        assertThat(payment.authorize("sim_1", NOW).isRefused()).isTrue();
        assertThat(payment.needsRefund()).isFalse();
    }

    @Test
    void aVoidedPaymentHasNoAmountToAskForAndSaysWhy() {
        var payment = Payment.voided(order);

        assertThatIllegalStateException()
                .isThrownBy(payment::amount)
                .withMessage("Payment of order " + order + " is VOIDED and has no amount");
        assertThat(payment.snapshot().amount()).isNull();
        assertThat(payment.snapshot().reason()).isEqualTo("Order cancelled");
    }

    @Test
    void aPaymentHasAGatewayReferenceOnceAuthorisedOnly() {
        var payment = Payment.request(order, TOTAL, "tok_visa");

        assertThatIllegalStateException().isThrownBy(payment::gatewayReference);
        payment.authorize("sim_1", NOW);
        assertThat(payment.gatewayReference()).isEqualTo("sim_1");
    }
}
