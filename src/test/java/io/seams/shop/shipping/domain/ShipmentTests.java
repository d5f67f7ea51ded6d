package io.seams.shop.shipping.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.customers.ShippingAddress;
import io.seams.shop.orders.OrderId;
import io.seams.shop.platform.kernel.Transition;
import io.seams.shop.shipping.ShipmentCancelled;
import io.seams.shop.shipping.ShipmentCreated;
import io.seams.shop.shipping.ShipmentDelivered;
import io.seams.shop.shipping.ShipmentDispatched;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShipmentTests {

    static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    static final ShippingAddress ADDRESS = new ShippingAddress("Ada Lovelace", "12 Square", "SW1", "London", "GB");

    OrderId order = OrderId.random();

    @Test
    void aPreparedShipmentIsDispatchedThenDelivered() {
        var shipment = Shipment.prepare(order, CustomerId.DEMO, ADDRESS, NOW);
        var id = shipment.getId();

        assertThat(shipment.dispatch("DHL", "JD0146", NOW)).isEqualTo(Transition.applied());
        assertThat(shipment.deliver(NOW)).isEqualTo(Transition.applied());
        assertThat(shipment.status()).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(shipment.drainEvents())
                .containsExactly(
                        new ShipmentCreated(order, id, NOW),
                        new ShipmentDispatched(order, id, "DHL", "JD0146", NOW),
                        new ShipmentDelivered(order, id, NOW));
    }

    @Test
    void aShipmentIsDispatchedOnlyOnceAndDeliveredOnlyAfterDispatch() {
        var shipment = Shipment.prepare(order, CustomerId.DEMO, ADDRESS, NOW);

        assertThat(shipment.deliver(NOW).isRefused()).isTrue();
        shipment.dispatch("DHL", "1", NOW);
        assertThat(shipment.dispatch("DHL", "1", NOW)).isEqualTo(Transition.unchanged());
        assertThat(shipment.dispatch("UPS", "2", NOW).isRefused()).isTrue();
        assertThat(shipment.carrier()).isEqualTo("DHL");
    }

    @Test
    void onlyAShipmentNotYetDispatchedCanBeCancelled() {
        var waiting = Shipment.prepare(order, CustomerId.DEMO, ADDRESS, NOW);
        var dispatched = Shipment.prepare(OrderId.random(), CustomerId.DEMO, ADDRESS, NOW);
        dispatched.dispatch("DHL", "1", NOW);

        waiting.drainEvents();
        assertThat(waiting.cancel(NOW)).isEqualTo(Transition.applied());
        assertThat(waiting.drainEvents()).containsExactly(new ShipmentCancelled(order, NOW));
        assertThat(waiting.dispatch("DHL", "1", NOW).isRefused()).isTrue();
        assertThat(dispatched.cancel(NOW).isRefused()).isTrue();
        assertThat(dispatched.status()).isEqualTo(ShipmentStatus.DISPATCHED);
    }

    @Test
    void aCancellationThatOvertakesTheConfirmationLeavesAShipmentThatNeverLeaves() {
        var tombstone = Shipment.cancelledBeforePreparation(order, CustomerId.DEMO, NOW);

        assertThat(tombstone.status()).isEqualTo(ShipmentStatus.CANCELLED);
        assertThat(tombstone.shipTo()).isNull();
        assertThat(tombstone.dispatch("DHL", "1", NOW).isRefused()).isTrue();
        assertThat(tombstone.drainEvents()).containsExactly(new ShipmentCancelled(order, NOW));
    }
}
