package io.seams.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.seams.shop.testing.MovableClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Every path an order can take, through the whole application over HTTP, on real PostgreSQL and a
 * real SMTP server. Each test asserts the final state in every module involved, the mails the
 * customer got, the order's timeline, and that no event publication is left incomplete.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "seams.orders.timeout-check-interval=PT0.2S",
            "seams.events.resubmission.interval=PT0.5S",
            "seams.events.resubmission.min-age=PT0.5S"
        })
@AutoConfigureRestTestClient
@Import(MovableClock.Config.class)
class FulfilmentSagaTests {

    static final String TWO_MUGS = """
            {"lines":[{"sku":"MUG-CLASSIC","quantity":2}],"paymentToken":"%s"}""";

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GreenMail mail;

    @Autowired
    MovableClock clock;

    Shop shop;

    @BeforeEach
    void openTheShop() {
        shop = new Shop(http, jdbc, mail);
    }

    @Test
    void happyPathFromPlacedToDelivered() {
        var mugs = shop.available("MUG-CLASSIC");
        var reserved = shop.reserved("MUG-CLASSIC");

        var order = shop.place(TWO_MUGS.formatted("tok_visa"));
        shop.awaitStatus(order, "CONFIRMED");
        var shipment = shop.awaitShipment(order);
        shop.dispatch(shipment);
        shop.awaitStatus(order, "SHIPPED");
        shop.deliver(shipment);
        shop.awaitStatus(order, "DELIVERED");

        assertThat(shop.available("MUG-CLASSIC")).isEqualTo(mugs - 2);
        await().atMost(Shop.ASYNC)
                .untilAsserted(() -> assertThat(shop.reserved("MUG-CLASSIC")).isEqualTo(reserved));
        assertThat(shop.paymentStatus(order)).isEqualTo("AUTHORIZED");
        assertThat(shop.shipmentStatus(shipment)).isEqualTo("DELIVERED");
        shop.awaitTimeline(
                order,
                "PLACED",
                "STOCK_RESERVED",
                "PAYMENT_AUTHORIZED",
                "CONFIRMED",
                "SHIPMENT_CREATED",
                "DISPATCHED",
                "DELIVERED");
        shop.awaitMails(order, "Your order is confirmed", "Your order is on its way", "Your order was delivered");
        shop.awaitSettled();
    }

    @Test
    void outOfStockRejectsTheOrderAndChargesNothing() {
        var hoodies = shop.available("HOODIE-L");

        var order = shop.place("""
                {"lines":[{"sku":"HOODIE-L","quantity":%d}]}""".formatted(hoodies + 1));
        shop.awaitStatus(order, "REJECTED");

        assertThat(shop.available("HOODIE-L")).isEqualTo(hoodies);
        shop.awaitTimeline(order, "PLACED", "STOCK_REJECTED", "REJECTED");
        shop.awaitMails(order, "We could not take your order");
        shop.awaitSettled();
        assertThat(shop.paymentStatus(order)).isEqualTo("NONE");
    }

    @Test
    void aDeclinedPaymentCancelsTheOrderAndReleasesItsStock() {
        var mugs = shop.available("MUG-CLASSIC");

        var order = shop.place(TWO_MUGS.formatted("tok_decline"));
        shop.awaitStatus(order, "CANCELLED");

        assertThat(shop.order(order)).containsEntry("cancellationReason", "Payment declined: Card declined");
        shop.awaitTimeline(order, "PLACED", "STOCK_RESERVED", "PAYMENT_DECLINED", "CANCELLED", "STOCK_RELEASED");
        assertThat(shop.available("MUG-CLASSIC")).isEqualTo(mugs);
        assertThat(shop.paymentStatus(order)).isEqualTo("DECLINED");
        shop.awaitMails(order, "Your order is cancelled");
        shop.awaitSettled();
    }

    @Test
    void aFlakyGatewayIsRetriedAndChargesOnce() {
        var order = shop.place(TWO_MUGS.formatted("tok_flaky"));

        shop.awaitStatus(order, "CONFIRMED");
        assertThat(shop.paymentStatus(order)).isEqualTo("AUTHORIZED");
        shop.awaitSettled();
    }

    @Test
    void cancellingBeforeDispatchRefundsReleasesAndCancelsTheShipment() {
        var mugs = shop.available("MUG-CLASSIC");
        var order = shop.place(TWO_MUGS.formatted("tok_visa"));
        shop.awaitStatus(order, "CONFIRMED");
        var shipment = shop.awaitShipment(order);

        http.post()
                .uri(order.getPath() + "/cancel")
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CANCELLATION_REQUESTED");

        shop.awaitStatus(order, "CANCELLED");
        await().atMost(Shop.ASYNC).untilAsserted(() -> {
            assertThat(shop.paymentStatus(order)).isEqualTo("REFUNDED");
            assertThat(shop.shipmentStatus(shipment)).isEqualTo("CANCELLED");
            assertThat(shop.available("MUG-CLASSIC")).isEqualTo(mugs);
        });
        await().atMost(Shop.ASYNC)
                .untilAsserted(() -> assertThat(shop.timeline(order))
                        .startsWith("PLACED", "STOCK_RESERVED", "PAYMENT_AUTHORIZED", "CONFIRMED")
                        .contains(
                                "SHIPMENT_CREATED",
                                "CANCELLATION_REQUESTED",
                                "SHIPMENT_CANCELLED",
                                "CANCELLED",
                                "STOCK_RELEASED",
                                "PAYMENT_REFUNDED")
                        .hasSize(10));
        shop.awaitMails(order, "Your order is confirmed", "Your order is cancelled");
        shop.awaitSettled();
    }

    @Test
    void cancellingAfterDispatchIsRefusedWithAConflict() {
        var order = shop.place(TWO_MUGS.formatted("tok_visa"));
        shop.awaitStatus(order, "CONFIRMED");
        shop.dispatch(shop.awaitShipment(order));
        shop.awaitStatus(order, "SHIPPED");

        http.post()
                .uri(order.getPath() + "/cancel")
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:seams:problem:order-not-cancellable")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("SHIPPED"));

        assertThat(shop.order(order)).containsEntry("status", "SHIPPED");
        assertThat(shop.paymentStatus(order)).isEqualTo("AUTHORIZED");
        shop.awaitSettled();
    }

    @Test
    void anOrderNotConfirmedInTimeIsCancelledAndCompensated() {
        var mugs = shop.available("MUG-CLASSIC");
        var order = shop.place(TWO_MUGS.formatted("tok_unavailable"));
        shop.awaitStatus(order, "RESERVED");
        assertThat(shop.available("MUG-CLASSIC")).isEqualTo(mugs - 2);

        clock.advance(Duration.ofMinutes(16));

        shop.awaitStatus(order, "CANCELLED");
        assertThat((String) shop.order(order).get("cancellationReason")).contains("Not confirmed within 15 minutes");
        await().atMost(Shop.ASYNC).untilAsserted(() -> {
            assertThat(shop.available("MUG-CLASSIC")).isEqualTo(mugs);
            assertThat(shop.paymentStatus(order)).isEqualTo("VOIDED");
        });
        shop.awaitTimeline(order, "PLACED", "STOCK_RESERVED", "CANCELLED", "STOCK_RELEASED");
        shop.awaitMails(order, "Your order is cancelled");
        shop.awaitSettled();
    }

    @Test
    void erasingACustomerLeavesNoPersonalDataInAnySchema() {
        var customer = http.post()
                .uri("/api/customers")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"name":"Grace Hopper","email":"grace@navy.example",
                         "address":{"street":"1 Compiler Lane","postalCode":"20301","city":"Arlington","country":"US"}}""")
                .exchange()
                .expectStatus()
                .isCreated()
                .returnResult(Map.class)
                .getResponseBody()
                .get("id");
        var order = shop.place("""
                {"customerId":"%s","lines":[{"sku":"NOTEBOOK-A5","quantity":1}]}""".formatted(customer));
        shop.awaitStatus(order, "CONFIRMED");
        shop.awaitShipment(order);
        shop.awaitMails(order, "Your order is confirmed");

        http.post()
                .uri("/api/customers/" + customer + "/erasure")
                .exchange()
                .expectStatus()
                .isAccepted();

        await().atMost(Shop.ASYNC)
                .untilAsserted(
                        () -> assertThat(PersonalData.placesHolding(jdbc, "Grace", "grace@navy", "Compiler Lane"))
                                .isEmpty());
        assertThat(shop.order(order)).containsEntry("status", "CONFIRMED").containsKey("total");
        shop.awaitSettled();
    }
}
