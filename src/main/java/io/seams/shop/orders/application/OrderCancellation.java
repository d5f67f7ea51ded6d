package io.seams.shop.orders.application;

import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.domain.Order;
import io.seams.shop.orders.domain.Orders;
import io.seams.shop.platform.adapters.security.Caller;
import io.seams.shop.platform.kernel.Outcome;
import io.seams.shop.platform.kernel.Refusal;
import java.time.Clock;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cancels orders before dispatch; inventory, payments and shipping compensate on {@code
 * OrderCancelled}. Applied: the order is cancelled, or its cancellation requested from shipping.
 * Unchanged: it already was. Refused: it was dispatched, delivered or rejected.
 */
@Service
@RequiredArgsConstructor
public class OrderCancellation {

    private final Orders orders;
    private final Clock clock;

    /**
     * Cancels the order on a caller's request. Only the customer who placed it, or staff, may: for
     * anyone else it is as if the order did not exist, so nobody learns which ids exist.
     */
    @Transactional
    public Outcome<Order> cancelFor(OrderId id, Caller caller) {
        return orders.lockById(id)
                .filter(order -> caller.actsFor(order.customerId().id()))
                .map(order -> cancel(order, caller.isStaff() ? "Cancelled by staff" : "Cancelled by the customer"))
                .orElseGet(() -> Outcome.refused(Refusal.notFound("Order", id.id())));
    }

    /** Cancels the order for the given reason (the system's own decision). */
    @Transactional
    Outcome<Order> cancel(OrderId id, String reason) {
        return orders.lockById(id)
                .map(order -> cancel(order, reason))
                .orElseGet(() -> Outcome.refused(Refusal.notFound("Order", id.id())));
    }

    private Outcome<Order> cancel(Order order, String reason) {
        var transition = order.cancel(reason, clock.instant());
        if (transition.isRefused()) {
            return Outcome.refused(Refusal.byState(
                    "order-not-cancellable",
                    "Order cannot be cancelled",
                    "Order %s is %s: only an order still being fulfilled (placed, reserved or confirmed) can be cancelled"
                            .formatted(order.getId().id(), order.status())));
        }
        if (!transition.changedState()) {
            return Outcome.unchanged(order);
        }
        orders.update(order);
        return Outcome.applied(order);
    }
}
