package io.seams.shop.payments.gateway.simulator;

import io.seams.shop.orders.OrderId;
import io.seams.shop.payments.domain.Authorization;
import io.seams.shop.payments.domain.PaymentGateway;
import io.seams.shop.platform.kernel.Money;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A deterministic payment gateway for the demo and the tests. Its rules:
 *
 * <ul>
 *   <li>payment token {@code tok_decline}: declined ("Card declined");
 *   <li>an amount above {@code seams.payments.simulator.decline-above} (1000.00): declined;
 *   <li>{@code tok_flaky}: unavailable for the first {@code flaky-failures} (2) attempts of an order, then approved;
 *   <li>{@code tok_unavailable}: always unavailable (the order waits, then times out);
 *   <li>anything else: approved.
 * </ul>
 *
 * Like a real gateway it is idempotent per order (the order id is the idempotency key): asking
 * again returns the first answer, whichever process or replica asks, before or after a crash. It
 * keeps its ledger in {@code payments.simulated_authorization}, where a real gateway would keep
 * it on its side; {@code times_asked} there shows how often it was asked, {@code approved} that it
 * charged once.
 *
 * <p>Dev-only: it exists where {@code seams.payments.simulator.enabled} is true (the default
 * profile, the tests, the demo deployments that opt in); {@code prod} turns it off, and then a
 * {@code PaymentGateway} bean for a real provider must be configured ({@code PaymentGatewayRequired}).
 */
@Component
@ConditionalOnBooleanProperty(SimulatedPaymentGateway.ENABLED)
@RequiredArgsConstructor
class SimulatedPaymentGateway implements PaymentGateway {

    /** The switch: true in the default profile, false in {@code prod}. */
    static final String ENABLED = "seams.payments.simulator.enabled";

    private static final Logger log = LoggerFactory.getLogger(SimulatedPaymentGateway.class);

    private final SimulatorProperties rules;
    private final JdbcClient ledger;
    private final Map<OrderId, Integer> flakyAttempts = new ConcurrentHashMap<>();

    @Override
    public Authorization authorize(OrderId order, Money amount, String paymentToken) {
        if ("tok_unavailable".equals(paymentToken)) {
            throw new GatewayUnavailableException("Simulated permanent outage for order " + order);
        }
        if ("tok_flaky".equals(paymentToken) && flakyAttempts.merge(order, 1, Integer::sum) <= rules.flakyFailures()) {
            throw new GatewayUnavailableException("Simulated outage for order " + order);
        }
        var decision = decide(amount, paymentToken);
        ledger.sql("""
                        INSERT INTO payments.simulated_authorization (order_id, approved, reference, reason, amount, currency)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (order_id) DO UPDATE SET times_asked = payments.simulated_authorization.times_asked + 1""")
                .params(
                        order.id(),
                        decision instanceof Authorization.Approved,
                        decision instanceof Authorization.Approved approved ? approved.reference() : null,
                        decision instanceof Authorization.Declined declined ? declined.reason() : null,
                        amount.amount(),
                        amount.currency().getCurrencyCode())
                .update();
        return answerFor(order);
    }

    @Override
    public void cancel(OrderId order) {
        // Nothing asked yet: the order is settled as declined, for nothing (XXX: ISO 4217's "no currency").
        ledger.sql("""
                        INSERT INTO payments.simulated_authorization (order_id, approved, reason, amount, currency)
                        VALUES (?, FALSE, 'Order cancelled', 0, 'XXX')
                        ON CONFLICT (order_id) DO NOTHING""").param(order.id()).update();
        var released = ledger.sql("""
                        UPDATE payments.simulated_authorization SET released = TRUE
                        WHERE order_id = ? AND approved AND NOT released""").param(order.id()).update();
        if (released == 1) {
            log.info("Released the authorisation of cancelled order {}", order);
        }
    }

    @Override
    public void refund(OrderId order, String gatewayReference, Money amount) {
        var refunded = ledger.sql("""
                        UPDATE payments.simulated_authorization SET refunded = TRUE
                        WHERE order_id = ? AND reference = ? AND NOT refunded""").params(order.id(), gatewayReference).update();
        if (refunded == 1) {
            log.info("Refunded {} for order {} ({})", amount, order, gatewayReference);
        }
    }

    private Authorization answerFor(OrderId order) {
        return ledger.sql("SELECT approved, reference, reason FROM payments.simulated_authorization WHERE order_id = ?")
                .param(order.id())
                .query((row, number) -> row.getBoolean("approved")
                        ? (Authorization) new Authorization.Approved(row.getString("reference"))
                        : new Authorization.Declined(row.getString("reason")))
                .single();
    }

    private Authorization decide(Money amount, String paymentToken) {
        if ("tok_decline".equals(paymentToken)) {
            return new Authorization.Declined("Card declined");
        }
        if (amount.amount().compareTo(rules.declineAbove()) > 0) {
            return new Authorization.Declined("Amount above the limit of " + rules.declineAbove());
        }
        return new Authorization.Approved("sim_" + UUID.randomUUID());
    }
}
