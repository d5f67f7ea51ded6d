package io.seams.shop.payments.domain;

import io.seams.shop.orders.OrderId;
import io.seams.shop.payments.PaymentAuthorized;
import io.seams.shop.payments.PaymentDeclined;
import io.seams.shop.payments.PaymentRefunded;
import io.seams.shop.platform.kernel.Money;
import io.seams.shop.platform.kernel.RecordedEvents;
import io.seams.shop.platform.kernel.Transition;
import java.time.Instant;
import java.util.Objects;
import org.jmolecules.ddd.types.AggregateRoot;

/** The one payment of an order: asked for once, answered once, refunded at most once. */
public class Payment implements AggregateRoot<Payment, OrderId> {

    private final OrderId orderId;
    private final Money amount;
    private final String paymentToken;
    private final long version;
    private PaymentStatus status;
    private String gatewayReference;
    private String reason;
    private final RecordedEvents events = new RecordedEvents();

    private Payment(
            OrderId orderId,
            Money amount,
            String paymentToken,
            PaymentStatus status,
            String gatewayReference,
            String reason,
            long version) {
        this.orderId = Objects.requireNonNull(orderId);
        this.amount = amount;
        this.paymentToken = paymentToken;
        this.status = Objects.requireNonNull(status);
        this.gatewayReference = gatewayReference;
        this.reason = reason;
        this.version = version;
    }

    /** A payment of the order's total, about to be asked of the gateway. */
    public static Payment request(OrderId orderId, Money amount, String paymentToken) {
        return new Payment(orderId, amount, paymentToken, PaymentStatus.PENDING, null, null, 0);
    }

    /** The order was cancelled before a payment was asked for: remember that none ever will be. */
    public static Payment voided(OrderId orderId) {
        return new Payment(orderId, null, null, PaymentStatus.VOIDED, null, "Order cancelled", 0);
    }

    public static Payment restore(
            OrderId orderId,
            Money amount,
            String paymentToken,
            PaymentStatus status,
            String gatewayReference,
            String reason,
            long version) {
        return new Payment(orderId, amount, paymentToken, status, gatewayReference, reason, version);
    }

    /** Authorises the payment, the gateway having approved it; only a pending payment takes an answer. */
    public Transition authorize(String reference, Instant now) {
        return answer(PaymentStatus.AUTHORIZED, () -> {
            gatewayReference = Objects.requireNonNull(reference);
            events.record(new PaymentAuthorized(orderId, amount, now));
        });
    }

    /** Declines the payment, for the gateway's reason; only a pending payment takes an answer. */
    public Transition decline(String why, Instant now) {
        return answer(PaymentStatus.DECLINED, () -> {
            reason = Objects.requireNonNull(why);
            events.record(new PaymentDeclined(orderId, reason, now));
        });
    }

    /**
     * Voids the pending payment of a cancelled order, the gateway not having answered yet: no answer
     * will be taken, and an approval that still arrives is released at the gateway.
     */
    public Transition voidPending() {
        return answer(PaymentStatus.VOIDED, () -> reason = "Order cancelled while the payment was pending");
    }

    private Transition answer(PaymentStatus target, Runnable change) {
        if (status == target) {
            return Transition.unchanged();
        }
        if (status != PaymentStatus.PENDING) {
            return refusedAs(target);
        }
        change.run();
        status = target;
        return Transition.applied();
    }

    private Transition refusedAs(PaymentStatus target) {
        return Transition.refused("Payment of order %s is %s, it cannot become %s".formatted(orderId, status, target));
    }

    /** Whether the gateway must give money back for this payment. */
    public boolean needsRefund() {
        return status == PaymentStatus.AUTHORIZED;
    }

    /** Refunds the payment, the gateway having given the money back. */
    public Transition refund(Instant now) {
        if (status == PaymentStatus.REFUNDED) {
            return Transition.unchanged();
        }
        if (status != PaymentStatus.AUTHORIZED) {
            return refusedAs(PaymentStatus.REFUNDED);
        }
        status = PaymentStatus.REFUNDED;
        events.record(new PaymentRefunded(orderId, amount, now));
        return Transition.applied();
    }

    @Override
    public OrderId getId() {
        return orderId;
    }

    public Money amount() {
        return amount;
    }

    public String paymentToken() {
        return paymentToken;
    }

    public PaymentStatus status() {
        return status;
    }

    public String gatewayReference() {
        return gatewayReference;
    }

    public String reason() {
        return reason;
    }

    public long version() {
        return version;
    }

    public RecordedEvents events() {
        return events;
    }
}
