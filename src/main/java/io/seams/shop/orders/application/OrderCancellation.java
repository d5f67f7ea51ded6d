package io.seams.shop.orders.application;

import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.domain.Order;
import io.seams.shop.orders.domain.OrderRepository;
import io.seams.shop.orders.domain.Transition;
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

    /** Cancels the order for the given reason; empty if there is no such order. */
    @Transactional
    public Optional<Outcome> cancel(OrderId id, String reason) {
        return orders.findById(id).map(order -> {
            var transition = order.cancel(reason, clock.instant());
            if (transition.changedState()) {
                orders.update(order);
            }
            return new Outcome(order, transition);
        });
    }
}
