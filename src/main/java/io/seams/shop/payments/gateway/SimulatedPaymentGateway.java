package io.seams.shop.payments.gateway;

import io.seams.shop.orders.OrderId;
import io.seams.shop.payments.domain.Authorization;
import io.seams.shop.payments.domain.PaymentGateway;
import io.seams.shop.platform.Money;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Like a real gateway it is idempotent per order: asking again returns the first answer. It
 * keeps its state in memory; a real gateway keeps it on its side.
 */
@Component
class SimulatedPaymentGateway implements PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(SimulatedPaymentGateway.class);

    private final SimulatorProperties rules;
    private final Map<OrderId, Authorization> answers = new ConcurrentHashMap<>();
    private final Map<OrderId, Integer> attempts = new ConcurrentHashMap<>();
    private final Map<OrderId, String> refunds = new ConcurrentHashMap<>();
    private final Map<OrderId, Boolean> cancelled = new ConcurrentHashMap<>();

    SimulatedPaymentGateway(SimulatorProperties rules) {
        this.rules = rules;
    }

    @Override
    public Authorization authorize(OrderId order, Money amount, String paymentToken) {
        if ("tok_unavailable".equals(paymentToken)) {
            throw new GatewayUnavailableException("Simulated permanent outage for order " + order);
        }
        if ("tok_flaky".equals(paymentToken) && attempts.merge(order, 1, Integer::sum) <= rules.flakyFailures()) {
            throw new GatewayUnavailableException("Simulated outage for order " + order);
        }
        return answers.computeIfAbsent(
                order,
                key -> cancelled.containsKey(order)
                        ? new Authorization.Declined("Order cancelled")
                        : decide(amount, paymentToken));
    }

    @Override
    public void cancel(OrderId order) {
        cancelled.put(order, true);
        var earlier = answers.putIfAbsent(order, new Authorization.Declined("Order cancelled"));
        if (earlier instanceof Authorization.Approved approved
                && refunds.putIfAbsent(order, approved.reference()) == null) {
            log.info("Released the authorisation {} of cancelled order {}", approved.reference(), order);
        }
    }

    @Override
    public void refund(OrderId order, String gatewayReference, Money amount) {
        if (refunds.putIfAbsent(order, gatewayReference) == null) {
            log.info("Refunded {} for order {} ({})", amount, order, gatewayReference);
        }
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
