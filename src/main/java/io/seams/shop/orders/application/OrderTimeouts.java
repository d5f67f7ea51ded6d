package io.seams.shop.orders.application;

import io.seams.shop.orders.domain.Orders;
import java.time.Clock;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Cancels orders that waited longer than {@code seams.orders.confirmation-timeout} for their stock
 * or payment; the cancellation compensates like any other. Time comes from the {@link Clock}, so
 * tests move it instead of waiting for it. Several instances may run this at once: each
 * cancellation is an optimistic update, and a second attempt finds the order already cancelled.
 */
@Component
@RequiredArgsConstructor
class OrderTimeouts {

    private static final Logger log = LoggerFactory.getLogger(OrderTimeouts.class);

    private final Orders orders;
    private final OrderCancellation cancellation;
    private final OrdersProperties properties;
    private final Clock clock;

    /** Cancels every order placed more than the timeout ago that is still not confirmed; returns how many. */
    @Scheduled(
            initialDelayString = "${seams.orders.timeout-check-interval:PT30S}",
            fixedDelayString = "${seams.orders.timeout-check-interval:PT30S}")
    int cancelOverdueOrders() {
        var cutoff = clock.instant().minus(properties.confirmationTimeout());
        var cancelled = 0;
        for (var id : orders.findAwaitingConfirmationPlacedBefore(cutoff)) {
            var outcome = cancellation.cancel(
                    id,
                    "Not confirmed within " + properties.confirmationTimeout().toMinutes() + " minutes");
            if (outcome.changedState()) {
                cancelled++;
                log.info("Order {} timed out and was cancelled", id);
            }
        }
        return cancelled;
    }
}
