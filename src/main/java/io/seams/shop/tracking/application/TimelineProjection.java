package io.seams.shop.tracking.application;

import static io.seams.shop.tracking.domain.TimelineStep.CANCELLATION_REQUESTED;
import static io.seams.shop.tracking.domain.TimelineStep.CANCELLED;
import static io.seams.shop.tracking.domain.TimelineStep.CONFIRMED;
import static io.seams.shop.tracking.domain.TimelineStep.DELIVERED;
import static io.seams.shop.tracking.domain.TimelineStep.DISPATCHED;
import static io.seams.shop.tracking.domain.TimelineStep.PAYMENT_AUTHORIZED;
import static io.seams.shop.tracking.domain.TimelineStep.PAYMENT_DECLINED;
import static io.seams.shop.tracking.domain.TimelineStep.PAYMENT_REFUNDED;
import static io.seams.shop.tracking.domain.TimelineStep.PLACED;
import static io.seams.shop.tracking.domain.TimelineStep.REJECTED;
import static io.seams.shop.tracking.domain.TimelineStep.SHIPMENT_CANCELLED;
import static io.seams.shop.tracking.domain.TimelineStep.SHIPMENT_CREATED;
import static io.seams.shop.tracking.domain.TimelineStep.STOCK_REJECTED;
import static io.seams.shop.tracking.domain.TimelineStep.STOCK_RELEASED;
import static io.seams.shop.tracking.domain.TimelineStep.STOCK_RESERVED;

import io.micrometer.core.instrument.MeterRegistry;
import io.seams.shop.inventory.StockReleased;
import io.seams.shop.inventory.StockReservationRejected;
import io.seams.shop.inventory.StockReserved;
import io.seams.shop.orders.OrderCancellationRequested;
import io.seams.shop.orders.OrderCancelled;
import io.seams.shop.orders.OrderConfirmed;
import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.OrderPlaced;
import io.seams.shop.orders.OrderRejected;
import io.seams.shop.payments.PaymentAuthorized;
import io.seams.shop.payments.PaymentDeclined;
import io.seams.shop.payments.PaymentRefunded;
import io.seams.shop.shipping.ShipmentCancelled;
import io.seams.shop.shipping.ShipmentCreated;
import io.seams.shop.shipping.ShipmentDelivered;
import io.seams.shop.shipping.ShipmentDispatched;
import io.seams.shop.tracking.domain.TimelineEntry;
import io.seams.shop.tracking.domain.TimelineStep;
import io.seams.shop.tracking.domain.Timelines;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Turns every module's events into timeline steps; each step is recorded once. */
@Component
class TimelineProjection {

    private final Timelines timelines;
    private final FulfilmentMetrics metrics;

    TimelineProjection(Timelines timelines, MeterRegistry meters) {
        this.timelines = timelines;
        this.metrics = new FulfilmentMetrics(meters);
    }

    @ApplicationModuleListener
    void on(OrderPlaced event) {
        timelines.recordOwner(event.orderId(), event.customerId());
        if (step(event.orderId(), PLACED, event.occurredAt(), event.total().toString())) {
            metrics.counted("placed");
        }
    }

    @ApplicationModuleListener
    void on(StockReserved event) {
        step(event.orderId(), STOCK_RESERVED, event.occurredAt(), null);
    }

    @ApplicationModuleListener
    void on(StockReservationRejected event) {
        step(event.orderId(), STOCK_REJECTED, event.occurredAt(), event.reason());
    }

    @ApplicationModuleListener
    void on(OrderRejected event) {
        if (step(event.orderId(), REJECTED, event.occurredAt(), event.reason())) {
            metrics.counted("rejected");
        }
    }

    @ApplicationModuleListener
    void on(PaymentAuthorized event) {
        step(
                event.orderId(),
                PAYMENT_AUTHORIZED,
                event.occurredAt(),
                event.amount().toString());
    }

    @ApplicationModuleListener
    void on(PaymentDeclined event) {
        step(event.orderId(), PAYMENT_DECLINED, event.occurredAt(), event.reason());
    }

    @ApplicationModuleListener
    void on(OrderConfirmed event) {
        if (step(event.orderId(), CONFIRMED, event.occurredAt(), null)) {
            metrics.counted("confirmed");
            timelines.of(event.orderId()).stream()
                    .filter(entry -> entry.step() == PLACED)
                    .findFirst()
                    .ifPresent(placed -> metrics.confirmedAfter(placed.occurredAt(), event.occurredAt()));
        }
    }

    @ApplicationModuleListener
    void on(ShipmentCreated event) {
        step(event.orderId(), SHIPMENT_CREATED, event.occurredAt(), null);
    }

    @ApplicationModuleListener
    void on(ShipmentDispatched event) {
        step(event.orderId(), DISPATCHED, event.occurredAt(), event.carrier());
    }

    @ApplicationModuleListener
    void on(ShipmentDelivered event) {
        if (step(event.orderId(), DELIVERED, event.occurredAt(), null)) {
            metrics.counted("delivered");
        }
    }

    @ApplicationModuleListener
    void on(OrderCancellationRequested event) {
        step(event.orderId(), CANCELLATION_REQUESTED, event.occurredAt(), event.reason());
    }

    @ApplicationModuleListener
    void on(ShipmentCancelled event) {
        step(event.orderId(), SHIPMENT_CANCELLED, event.occurredAt(), null);
    }

    @ApplicationModuleListener
    void on(OrderCancelled event) {
        if (step(event.orderId(), CANCELLED, event.occurredAt(), event.reason())) {
            metrics.counted("cancelled");
        }
    }

    @ApplicationModuleListener
    void on(StockReleased event) {
        step(event.orderId(), STOCK_RELEASED, event.occurredAt(), null);
    }

    @ApplicationModuleListener
    void on(PaymentRefunded event) {
        step(
                event.orderId(),
                PAYMENT_REFUNDED,
                event.occurredAt(),
                event.amount().toString());
    }

    /** Records the step; whether it is new (a redelivered event's step is not). */
    private boolean step(OrderId order, TimelineStep step, Instant at, @Nullable String detail) {
        return timelines.record(new TimelineEntry(order, step, at, detail));
    }
}
