package io.seams.shop.payments.application;

import io.seams.shop.orders.OrderCancelled;
import io.seams.shop.orders.OrderReserved;
import io.seams.shop.payments.domain.Authorization;
import io.seams.shop.payments.domain.Payment;
import io.seams.shop.payments.domain.PaymentGateway;
import io.seams.shop.payments.domain.PaymentStatus;
import io.seams.shop.payments.domain.Payments;
import java.time.Clock;
import java.time.Duration;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes the payment of every reserved order, and refunds it when the order is cancelled.
 *
 * <p>The gateway is called outside any database transaction (it is a remote service): the
 * payment is first recorded as pending, then asked for, then its answer recorded. A crash in
 * between leaves it pending; the redelivered event asks the gateway again for the same order,
 * which answers as before, so an order is never charged twice. Transient gateway failures are
 * retried with backoff. A cancellation that finds the payment pending voids it and has the
 * gateway release whatever it granted or will grant for the order.
 */
@Component
@RequiredArgsConstructor
class PaymentProcessing {

    private static final Logger log = LoggerFactory.getLogger(PaymentProcessing.class);

    private final Payments payments;
    private final PaymentGateway gateway;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RetryTemplate retries = new RetryTemplate(RetryPolicy.builder()
            .maxRetries(4)
            .delay(Duration.ofMillis(100))
            .multiplier(2)
            .includes(PaymentGateway.GatewayUnavailableException.class)
            .build());

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(OrderReserved event) {
        var pending = transactions.execute(status -> {
            payments.add(Payment.request(event.orderId(), event.total(), event.paymentToken()));
            return payments.lockFor(event.orderId()).orElseThrow();
        });
        if (pending.status() != PaymentStatus.PENDING) {
            log.debug("Order {} was paid for, declined or cancelled before; nothing to do", event.orderId());
            return;
        }
        var answer = authorize(pending);
        transactions.executeWithoutResult(status -> {
            var payment = payments.lockFor(event.orderId()).orElseThrow();
            // A payment voided meanwhile takes no answer: the cancellation released it at the gateway.
            if (answer.answer(payment, clock.instant()).changedState()) {
                payments.update(payment);
                log.info("Payment of order {}: {}", event.orderId(), answer);
            }
        });
    }

    /**
     * Gives back what the order's payment holds. Decided under the payment's lock, so an answer
     * from the gateway cannot slip in between: a pending payment is voided (and the gateway told
     * to release whatever it holds for the order), an authorised one refunded, anything else left.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(OrderCancelled event) {
        var payment = transactions.execute(status -> {
            payments.add(Payment.voided(event.orderId()));
            var current = payments.lockFor(event.orderId()).orElseThrow();
            if (current.voidPending().changedState()) {
                payments.update(current);
            }
            return current;
        });
        if (payment.status() == PaymentStatus.VOIDED) {
            gateway.cancel(event.orderId());
        } else if (payment.needsRefund()) {
            gateway.refund(payment.getId(), payment.gatewayReference(), payment.amount());
            transactions.executeWithoutResult(status -> {
                var refunded = payments.lockFor(event.orderId()).orElseThrow();
                if (refunded.refund(clock.instant()).changedState()) {
                    payments.update(refunded);
                }
            });
        }
    }

    private Authorization authorize(Payment payment) {
        try {
            return retries.execute(() -> gateway.authorize(payment.getId(), payment.amount(), payment.paymentToken()));
        } catch (RetryException e) {
            throw new IllegalStateException(
                    "The payment gateway did not answer for order %s; retried later".formatted(payment.getId()), e);
        }
    }
}
