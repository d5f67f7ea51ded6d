package io.seams.shop.payments.domain;

import static io.seams.shop.payments.domain.PaymentStatus.AUTHORIZED;
import static io.seams.shop.payments.domain.PaymentStatus.DECLINED;
import static io.seams.shop.payments.domain.PaymentStatus.PENDING;
import static io.seams.shop.payments.domain.PaymentStatus.REFUNDED;
import static io.seams.shop.payments.domain.PaymentStatus.VOIDED;

import io.seams.shop.orders.OrderId;
import io.seams.shop.payments.PaymentAuthorized;
import io.seams.shop.payments.PaymentDeclined;
import io.seams.shop.payments.PaymentRefunded;
import io.seams.shop.platform.kernel.Aggregate;
import io.seams.shop.platform.kernel.Lifecycle;
import io.seams.shop.platform.kernel.Money;
import io.seams.shop.platform.kernel.Transition;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The one payment of an order: asked for once, answered once, refunded at most once. */
public class Payment extends Aggregate<Payment, OrderId> {

    private final @Nullable Money amount;
    private final @Nullable String paymentToken;
    private final Lifecycle<PaymentStatus> lifecycle;
    private @Nullable String gatewayReference;
    private @Nullable String reason;

    private Payment(Snapshot state) {
        super(state.orderId(), state.version());
        this.amount = state.amount();
        this.paymentToken = state.paymentToken();
        this.lifecycle = new Lifecycle<>("Payment of order " + state.orderId(), state.status());
        this.gatewayReference = state.gatewayReference();
        this.reason = state.reason();
    }

    /** A payment of the order's total, about to be asked of the gateway. */
    public static Payment request(OrderId orderId, Money amount, String paymentToken) {
        return new Payment(new Snapshot(orderId, amount, paymentToken, PENDING, null, null, 0));
    }

    /** The order was cancelled before a payment was asked for: remember that none ever will be. */
    public static Payment voided(OrderId orderId) {
        return new Payment(new Snapshot(orderId, null, null, VOIDED, null, "Order cancelled", 0));
    }

    /** Rebuilds a payment from its stored state; raises no events. */
    public static Payment restore(Snapshot state) {
        return new Payment(state);
    }

    /** Authorises the payment, the gateway having approved it; only a pending payment takes an answer. */
    public Transition authorize(String reference, Instant now) {
        return answer(AUTHORIZED, () -> {
            gatewayReference = Objects.requireNonNull(reference);
            raise(new PaymentAuthorized(getId(), amount(), now));
        });
    }

    /** Declines the payment, for the gateway's reason; only a pending payment takes an answer. */
    public Transition decline(String why, Instant now) {
        return answer(DECLINED, () -> {
            reason = Objects.requireNonNull(why);
            raise(new PaymentDeclined(getId(), reason, now));
        });
    }

    /**
     * Voids the pending payment of a cancelled order, the gateway not having answered yet: no answer
     * will be taken, and an approval that still arrives is released at the gateway.
     */
    public Transition voidPending() {
        return answer(VOIDED, () -> reason = "Order cancelled while the payment was pending");
    }

    private Transition answer(PaymentStatus target, Runnable change) {
        return lifecycle.move(target, EnumSet.of(PENDING), EnumSet.of(target), change);
    }

    /** Whether the gateway must give money back for this payment. */
    public boolean needsRefund() {
        return lifecycle.current() == AUTHORIZED;
    }

    /** Refunds the payment, the gateway having given the money back. */
    public Transition refund(Instant now) {
        return lifecycle.move(
                REFUNDED,
                EnumSet.of(AUTHORIZED),
                EnumSet.of(REFUNDED),
                () -> raise(new PaymentRefunded(getId(), amount(), now)));
    }

    /** What the gateway is asked for; only a voided payment, which never reaches it, has none. */
    public Money amount() {
        return present(amount, "amount");
    }

    /** The customer's payment method at the gateway; only a voided payment has none. */
    public String paymentToken() {
        return present(paymentToken, "payment token");
    }

    public PaymentStatus status() {
        return lifecycle.current();
    }

    /** The gateway's reference for the authorisation; only an authorised or refunded payment has one. */
    public String gatewayReference() {
        return present(gatewayReference, "gateway reference");
    }

    public @Nullable String reason() {
        return reason;
    }

    /** The payment's state as stored; what {@link #restore(Snapshot)} rebuilds it from. */
    public Snapshot snapshot() {
        return new Snapshot(getId(), amount, paymentToken, lifecycle.current(), gatewayReference, reason, version());
    }

    private <T> T present(@Nullable T value, String what) {
        if (value == null) {
            throw new IllegalStateException("Payment of order " + getId() + " is " + status() + " and has no " + what);
        }
        return value;
    }

    /**
     * A payment's stored state.
     *
     * @param orderId the order it pays
     * @param amount what it is for (none if voided)
     * @param paymentToken the customer's payment method at the gateway (none if voided)
     * @param status where it stands
     * @param gatewayReference the gateway's reference, once authorised
     * @param reason why it was declined or voided
     * @param version its version, for optimistic locking
     */
    public record Snapshot(
            OrderId orderId,
            @Nullable Money amount,
            @Nullable String paymentToken,
            PaymentStatus status,
            @Nullable String gatewayReference,
            @Nullable String reason,
            long version) {}
}
