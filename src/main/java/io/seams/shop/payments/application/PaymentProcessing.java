package io.seams.shop.payments.application;

import io.seams.shop.orders.OrderCancelled;
import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.OrderReserved;
import io.seams.shop.payments.domain.Authorization;
import io.seams.shop.payments.domain.Payment;
import io.seams.shop.payments.domain.PaymentGateway;
import io.seams.shop.payments.domain.PaymentStatus;
import io.seams.shop.payments.domain.Payments;
import java.time.Clock;
import java.time.Duration;
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
 * retried with backoff.
 */
@Component
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

    PaymentProcessing(Payments payments, PaymentGateway gateway, TransactionTemplate transactions, Clock clock) {
        this.payments = payments;
        this.gateway = gateway;
        this.transactions = transactions;
        this.clock = clock;
    }

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
        var voided = transactions.execute(status -> {
            var payment = payments.lockFor(event.orderId()).orElseThrow();
            if (payment.answer(answer, clock.instant())) {
                payments.update(payment);
            }
            return payment.status() == PaymentStatus.VOIDED;
        });
        if (voided && answer instanceof Authorization.Approved approved) {
            // The order was cancelled while the gateway was answering: give the money back at once.
            gateway.refund(event.orderId(), approved.reference(), pending.amount());
        }
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(OrderCancelled event) {
        var payment =
                transactions.execute(status -> payments.lockFor(event.orderId()).orElseGet(() -> {
                    payments.add(Payment.voided(event.orderId()));
                    return payments.lockFor(event.orderId()).orElseThrow();
                }));
        if (payment.status() == PaymentStatus.PENDING) {
            transactions.executeWithoutResult(status -> {
                var pending = payments.lockFor(event.orderId()).orElseThrow();
                if (pending.voidPending()) {
                    payments.update(pending);
                }
            });
            return;
        }
        if (!payment.needsRefund()) {
            return;
        }
        gateway.refund(payment.getId(), payment.gatewayReference(), payment.amount());
        refunded(event.orderId());
    }

    private void refunded(OrderId order) {
        transactions.executeWithoutResult(status -> {
            var payment = payments.lockFor(order).orElseThrow();
            if (payment.refunded(clock.instant())) {
                payments.update(payment);
            }
        });
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
