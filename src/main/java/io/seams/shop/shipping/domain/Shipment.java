package io.seams.shop.shipping.domain;

import static io.seams.shop.shipping.domain.ShipmentStatus.CANCELLED;
import static io.seams.shop.shipping.domain.ShipmentStatus.CREATED;
import static io.seams.shop.shipping.domain.ShipmentStatus.DELIVERED;
import static io.seams.shop.shipping.domain.ShipmentStatus.DISPATCHED;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.customers.ShippingAddress;
import io.seams.shop.orders.OrderId;
import io.seams.shop.platform.kernel.Aggregate;
import io.seams.shop.platform.kernel.Lifecycle;
import io.seams.shop.platform.kernel.Transition;
import io.seams.shop.shipping.ShipmentCancelled;
import io.seams.shop.shipping.ShipmentCreated;
import io.seams.shop.shipping.ShipmentDelivered;
import io.seams.shop.shipping.ShipmentDispatched;
import io.seams.shop.shipping.ShipmentId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The parcel of one confirmed order, from preparation to delivery. */
public class Shipment extends Aggregate<Shipment, ShipmentId> {

    private final OrderId orderId;
    private final CustomerId customerId;
    private final @Nullable ShippingAddress shipTo;
    private final Lifecycle<ShipmentStatus> lifecycle;
    private @Nullable String carrier;
    private @Nullable String trackingNumber;

    private Shipment(Snapshot state) {
        super(state.id(), state.version());
        this.orderId = Objects.requireNonNull(state.orderId());
        this.customerId = Objects.requireNonNull(state.customerId());
        this.shipTo = state.shipTo();
        this.lifecycle = new Lifecycle<>("Shipment " + state.id(), state.status());
        this.carrier = state.carrier();
        this.trackingNumber = state.trackingNumber();
    }

    /** Prepares the shipment of a confirmed order and records {@link ShipmentCreated}. */
    public static Shipment prepare(OrderId order, CustomerId customer, ShippingAddress shipTo, Instant now) {
        var shipment = new Shipment(
                new Snapshot(new ShipmentId(UUID.randomUUID()), order, customer, shipTo, CREATED, null, null, 0));
        shipment.raise(new ShipmentCreated(order, shipment.getId(), now));
        return shipment;
    }

    /** Rebuilds a shipment from its stored state; raises no events. */
    public static Shipment restore(Snapshot state) {
        return new Shipment(state);
    }

    /**
     * Hands the shipment to a carrier; only a prepared shipment can be dispatched. Handing it to the
     * same carrier under the same tracking number again changes nothing; to another, it is refused.
     */
    public Transition dispatch(String carrier, String trackingNumber, Instant now) {
        if (lifecycle.isIn(EnumSet.of(DISPATCHED, DELIVERED))
                && !(carrier.equals(this.carrier) && trackingNumber.equals(this.trackingNumber))) {
            return Transition.refused("Shipment %s is %s with %s (%s)"
                    .formatted(getId(), lifecycle.current(), this.carrier, this.trackingNumber));
        }
        return lifecycle.move(DISPATCHED, EnumSet.of(CREATED), EnumSet.of(DISPATCHED, DELIVERED), () -> {
            this.carrier = Objects.requireNonNull(carrier);
            this.trackingNumber = Objects.requireNonNull(trackingNumber);
            raise(new ShipmentDispatched(orderId, getId(), carrier, trackingNumber, now));
        });
    }

    /** Records that the carrier delivered it; only a dispatched shipment can be delivered. */
    public Transition deliver(Instant now) {
        return lifecycle.move(
                DELIVERED,
                EnumSet.of(DISPATCHED),
                EnumSet.of(DELIVERED),
                () -> raise(new ShipmentDelivered(orderId, getId(), now)));
    }

    /**
     * The order's cancellation was asked for before the shipment was even prepared: remember it,
     * so a late confirmation prepares nothing, and record {@link ShipmentCancelled}.
     */
    public static Shipment cancelledBeforePreparation(OrderId order, CustomerId customer, Instant now) {
        var shipment = new Shipment(
                new Snapshot(new ShipmentId(UUID.randomUUID()), order, customer, null, CANCELLED, null, null, 0));
        shipment.raise(new ShipmentCancelled(order, now));
        return shipment;
    }

    /**
     * The order's cancellation was asked for: a shipment not yet dispatched is stopped and
     * {@link ShipmentCancelled} recorded; one with a carrier already goes on (its dispatch tells
     * the order the cancellation came too late).
     */
    public Transition cancel(Instant now) {
        return lifecycle.move(
                CANCELLED,
                EnumSet.of(CREATED),
                EnumSet.of(CANCELLED),
                () -> raise(new ShipmentCancelled(orderId, now)));
    }

    public OrderId orderId() {
        return orderId;
    }

    public CustomerId customerId() {
        return customerId;
    }

    public @Nullable ShippingAddress shipTo() {
        return shipTo;
    }

    /** The address, the only personal data a shipment holds (if any), as it may be kept. */
    public @Nullable ShippingAddress shipToKept(boolean customerErased) {
        return ShippingAddress.kept(shipTo, customerErased);
    }

    public ShipmentStatus status() {
        return lifecycle.current();
    }

    public @Nullable String carrier() {
        return carrier;
    }

    public @Nullable String trackingNumber() {
        return trackingNumber;
    }

    /**
     * A shipment's stored state.
     *
     * @param id the shipment
     * @param orderId the order it ships
     * @param customerId whose order it is
     * @param shipTo where it goes (may be anonymised; none if cancelled before preparation)
     * @param status where it stands
     * @param carrier who carries it, once dispatched
     * @param trackingNumber the carrier's number for it, once dispatched
     * @param version its version, for optimistic locking
     */
    public record Snapshot(
            ShipmentId id,
            OrderId orderId,
            CustomerId customerId,
            @Nullable ShippingAddress shipTo,
            ShipmentStatus status,
            @Nullable String carrier,
            @Nullable String trackingNumber,
            long version) {}
}
