package io.seams.shop.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.shop.customers.CustomerErased;
import io.seams.shop.customers.CustomerId;
import io.seams.shop.customers.ShippingAddress;
import io.seams.shop.orders.OrderCancellationRequested;
import io.seams.shop.orders.OrderConfirmed;
import io.seams.shop.orders.OrderId;
import io.seams.shop.testing.EventPublications;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

@ApplicationModuleTest(verifyAutomatically = false)
class ShippingModuleTests {

    static final ShippingAddress ADDRESS = new ShippingAddress("Ada Lovelace", "12 Square", "SW1", "London", "GB");

    @Autowired
    JdbcClient jdbc;

    @Test
    void aConfirmedOrderGetsOneShipmentHoweverOftenItArrives(Scenario scenario) {
        var confirmed = new OrderConfirmed(OrderId.random(), CustomerId.DEMO, ADDRESS, Instant.now());

        scenario.publish(confirmed).andWaitForStateChange(() -> shipmentsOf(confirmed.orderId()), count -> count == 1);
        scenario.publish(confirmed)
                .andWaitForStateChange(this::nothingInFlight)
                .andVerify(done -> assertThat(shipmentsOf(confirmed.orderId())).isEqualTo(1));
        assertThat(statusOf(confirmed.orderId())).isEqualTo("CREATED");
    }

    @Test
    @Tag("ex-12")
    void aShipmentGoesToTheAddressItsOrderWasConfirmedWith(Scenario scenario) {
        var order = OrderId.random();
        var chosen = new ShippingAddress("Ada Lovelace", "1 Analytical Row", "EC1", "London", "GB");

        scenario.publish(new OrderConfirmed(order, CustomerId.DEMO, chosen, Instant.now()))
                .andWaitForStateChange(() -> shipmentsOf(order), count -> count == 1);

        assertThat(streetOf(order))
                .as("the street the shipment goes to: the one the order was confirmed with")
                .isEqualTo(chosen.street());
    }

    @Test
    void aShipmentIsStoppedWhenItsOrdersCancellationIsRequestedBeforeDispatch(Scenario scenario) {
        var order = OrderId.random();
        scenario.publish(new OrderConfirmed(order, CustomerId.DEMO, ADDRESS, Instant.now()))
                .andWaitForStateChange(() -> shipmentsOf(order), count -> count == 1);
        var cancelled = new OrderCancellationRequested(order, CustomerId.DEMO, "Changed my mind", Instant.now());

        scenario.publish(cancelled).andWaitForStateChange(() -> statusOf(order), "CANCELLED"::equals);
        scenario.publish(cancelled)
                .andWaitForStateChange(this::nothingInFlight)
                .andVerify(done -> assertThat(statusOf(order)).isEqualTo("CANCELLED"));
    }

    @Test
    void aCancellationThatOvertakesTheConfirmationPreventsTheShipment(Scenario scenario) {
        var order = OrderId.random();
        scenario.publish(new OrderCancellationRequested(order, CustomerId.DEMO, "Changed my mind", Instant.now()))
                .andWaitForStateChange(() -> shipmentsOf(order), count -> count == 1);

        scenario.publish(new OrderConfirmed(order, CustomerId.DEMO, ADDRESS, Instant.now()))
                .andWaitForStateChange(this::nothingInFlight)
                .andVerify(done -> assertThat(statusOf(order)).isEqualTo("CANCELLED"));
        assertThat(streetOf(order)).isNull();
    }

    @Test
    void erasingACustomerAnonymisesTheirShipmentAddresses(Scenario scenario) {
        var customer = CustomerId.random();
        var order = OrderId.random();
        scenario.publish(new OrderConfirmed(order, customer, ADDRESS, Instant.now()))
                .andWaitForStateChange(() -> shipmentsOf(order), count -> count == 1);

        scenario.publish(new CustomerErased(customer, Instant.now()))
                .andWaitForStateChange(() -> streetOf(order), ShippingAddress.ERASED.street()::equals);
    }

    private long shipmentsOf(OrderId order) {
        return jdbc.sql("SELECT count(*) FROM shipping.shipment WHERE order_id = ?")
                .param(order.id())
                .query(Long.class)
                .single();
    }

    private String statusOf(OrderId order) {
        return jdbc.sql("SELECT status FROM shipping.shipment WHERE order_id = ?")
                .param(order.id())
                .query(String.class)
                .single();
    }

    private String streetOf(OrderId order) {
        return jdbc.sql("SELECT street FROM shipping.shipment WHERE order_id = ?")
                .param(order.id())
                .query((row, number) -> Optional.ofNullable(row.getString("street")))
                .single()
                .orElse(null);
    }

    private Boolean nothingInFlight() {
        return EventPublications.incomplete(jdbc) == 0;
    }
}
