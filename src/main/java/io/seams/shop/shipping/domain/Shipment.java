package io.seams.shop.shipping.domain;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.customers.ShippingAddress;
import io.seams.shop.orders.OrderId;
import io.seams.shop.platform.RecordedEvents;
import io.seams.shop.shipping.ShipmentCreated;
import io.seams.shop.shipping.ShipmentDelivered;
import io.seams.shop.shipping.ShipmentDispatched;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jmolecules.ddd.types.AggregateRoot;

/** The parcel of one confirmed order, from preparation to delivery. */
public class Shipment implements AggregateRoot<Shipment, ShipmentId> {

    private final ShipmentId id;
    private final OrderId orderId;
    private final CustomerId customerId;
    private final ShippingAddress shipTo;
    private final long version;
    private ShipmentStatus status;
    private String carrier;
    private String trackingNumber;
    private final RecordedEvents events = new RecordedEvents();

    private Shipment(
            ShipmentId id,
            OrderId orderId,
            CustomerId customerId,
            ShippingAddress shipTo,
            ShipmentStatus status,
            String carrier,
            String trackingNumber,
            long version) {
        this.id = Objects.requireNonNull(id);
        this.orderId = Objects.requireNonNull(orderId);
        this.customerId = Objects.requireNonNull(customerId);
        this.shipTo = Objects.requireNonNull(shipTo);
        this.status = Objects.requireNonNull(status);
        this.carrier = carrier;
        this.trackingNumber = trackingNumber;
        this.version = version;
    }

    /** Prepares the shipment of a confirmed order and records {@link ShipmentCreated}. */
    public static Shipment prepare(OrderId order, CustomerId customer, ShippingAddress shipTo, Instant now) {
        var shipment = new Shipment(
                new ShipmentId(UUID.randomUUID()), order, customer, shipTo, ShipmentStatus.CREATED, null, null, 0);
        shipment.events.record(new ShipmentCreated(order, shipment.id.id(), now));
        return shipment;
    }

    public static Shipment restore(
            ShipmentId id,
            OrderId orderId,
            CustomerId customerId,
            ShippingAddress shipTo,
            ShipmentStatus status,
            String carrier,
            String trackingNumber,
            long version) {
        return new Shipment(id, orderId, customerId, shipTo, status, carrier, trackingNumber, version);
    }

    /** Hands the shipment to a carrier; only a prepared shipment can be dispatched. */
    public boolean dispatch(String carrier, String trackingNumber, Instant now) {
        if (status != ShipmentStatus.CREATED) {
            return false;
        }
        this.carrier = Objects.requireNonNull(carrier);
        this.trackingNumber = Objects.requireNonNull(trackingNumber);
        status = ShipmentStatus.DISPATCHED;
        events.record(new ShipmentDispatched(orderId, id.id(), carrier, trackingNumber, now));
        return true;
    }

    /** The carrier delivered it; only a dispatched shipment can be delivered. */
    public boolean deliver(Instant now) {
        if (status != ShipmentStatus.DISPATCHED) {
            return false;
        }
        status = ShipmentStatus.DELIVERED;
        events.record(new ShipmentDelivered(orderId, id.id(), now));
        return true;
    }

    /** Its order was cancelled; only a shipment not yet dispatched is cancelled. */
    public boolean cancel() {
        if (status != ShipmentStatus.CREATED) {
            return false;
        }
        status = ShipmentStatus.CANCELLED;
        return true;
    }

    @Override
    public ShipmentId getId() {
        return id;
    }

    public OrderId orderId() {
        return orderId;
    }

    public CustomerId customerId() {
        return customerId;
    }

    public ShippingAddress shipTo() {
        return shipTo;
    }

    public ShipmentStatus status() {
        return status;
    }

    public String carrier() {
        return carrier;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    public long version() {
        return version;
    }

    public RecordedEvents events() {
        return events;
    }
}
