package io.seams.shop.platform.distribution.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.orders.OrderConfirmed;
import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.OrderPlaced;
import io.seams.shop.platform.distribution.topology.HostedModules;
import io.seams.shop.shipping.ShipmentCreated;
import io.seams.shop.shipping.ShipmentId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Which events leave a process, from the modules' listeners: only those a
 * module hosted in another process listens to. The layouts are the benchmark's split (shop;
 * inventory with catalog; payments) and the local cluster's (notifications apart).
 */
class EventRoutesTests {

    @Test
    void theShopSendsOutOnlyWhatInventoryAndPaymentsListenTo() {
        var shop = routes("customers,orders,shipping,tracking,audit,notifications");

        assertThat(shop.sendsOut(orderPlaced()))
                .as("inventory reserves stock for it")
                .isTrue();
        assertThat(shop.sendsOut(orderConfirmed()))
                .as("shipping, tracking and notifications take it, all in the shop")
                .isFalse();
        assertThat(shop.sendsOut(shipmentCreated()))
                .as("only tracking takes it")
                .isFalse();
        assertThat(shop.outbound())
                .containsOnlyKeys(
                        "orders.OrderPlaced.v1",
                        "orders.OrderReserved.v1",
                        "orders.OrderCancelled.v1",
                        "shipping.ShipmentDispatched.v1");
        assertThat(shop.topics())
                .as("topics created: what goes out and what comes in, nothing else")
                .doesNotContain("orders.OrderConfirmed.v1", "shipping.ShipmentCreated.v1")
                .contains("inventory.StockReserved.v1", "payments.PaymentAuthorized.v1");
    }

    @Test
    void anEventAProcessWithNotificationsListensToGoesOut() {
        var shop = routes("catalog,customers,orders,inventory,shipping,tracking,audit");

        assertThat(shop.sendsOut(orderConfirmed()))
                .as("notifications runs apart")
                .isTrue();
        assertThat(shop.sendsOut(shipmentCreated())).isFalse();
    }

    @Test
    void anEventAConsumerOutsideSeamsReadsGoesOutWhenItsTopicIsNamed() {
        var shop = EventRoutes.of(
                HostedModules.from(new MockEnvironment()
                        .withProperty(
                                "seams.topology.modules", "customers,orders,shipping,tracking,audit,notifications")),
                Set.of("orders.OrderConfirmed.v1"));

        assertThat(shop.sendsOut(orderConfirmed())).isTrue();
        assertThat(shop.sendsOut(shipmentCreated())).isFalse();
    }

    @Test
    void aProcessReceivesWhatItsModulesListenToFromOthers() {
        var inventory = routes("inventory,catalog");

        assertThat(inventory.inbound())
                .containsOnlyKeys(
                        "orders.OrderPlaced.v1", "orders.OrderCancelled.v1", "shipping.ShipmentDispatched.v1");
        assertThat(inventory.sendsOut(orderPlaced()))
                .as("an event that came in never goes out again")
                .isFalse();
    }

    private static EventRoutes routes(String hosted) {
        return EventRoutes.of(HostedModules.from(new MockEnvironment().withProperty("seams.topology.modules", hosted)));
    }

    private static OrderPlaced orderPlaced() {
        return new OrderPlaced(new OrderId(UUID.randomUUID()), customer(), List.of(), null, Instant.now());
    }

    private static OrderConfirmed orderConfirmed() {
        return new OrderConfirmed(new OrderId(UUID.randomUUID()), customer(), null, Instant.now());
    }

    private static ShipmentCreated shipmentCreated() {
        return new ShipmentCreated(new OrderId(UUID.randomUUID()), new ShipmentId(UUID.randomUUID()), Instant.now());
    }

    private static CustomerId customer() {
        return new CustomerId(UUID.randomUUID());
    }
}
