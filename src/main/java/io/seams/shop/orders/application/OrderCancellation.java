package io.seams.shop.orders.application;

import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.domain.Order;
import io.seams.shop.orders.domain.OrderRepository;
import io.seams.shop.orders.domain.Transition;
import io.seams.shop.platform.adapters.security.Caller;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Cancels orders before dispatch; inventory, payments and shipping compensate on {@code OrderCancelled}. */
@Service
public class OrderCancellation {

    private final OrderRepository orders;
    private final Clock clock;

    OrderCancellation(OrderRepository orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    /**
     * The outcome of cancelling the order, with the order as it is afterwards.
     *
     * @param order the order
     * @param transition whether it was cancelled, already was, or cannot be
     */
    public record Outcome(Order order, Transition transition) {}

    /** Cancels the order for the given reason (the system's own decision); empty if there is no such order. */
    @Transactional
    public Optional<Outcome> cancel(OrderId id, String reason) {
        return orders.findById(id).map(order -> cancel(order, reason));
    }

    /**
     * Cancels the order on a caller's request. Only the customer who placed it, or staff, may: for
     * anyone else it is as if the order did not exist (empty), so nobody learns which ids exist.
     */
    @Transactional
    public Optional<Outcome> cancelFor(OrderId id, Caller caller) {
        return orders.findById(id)
                .filter(order -> caller.actsFor(order.customerId().id()))
                .map(order -> cancel(order, caller.isStaff() ? "Cancelled by staff" : "Cancelled by the customer"));
    }

    private Outcome cancel(Order order, String reason) {
        var transition = order.cancel(reason, clock.instant());
        if (transition.changedState()) {
            orders.update(order);
        }
        return new Outcome(order, transition);
    }
}
