package io.seams.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The saga scenarios, written once and run against every topology: {@link FulfilmentSagaTests}
 * runs them on the monolith, {@code SplitClusterSagaIT} on the split cluster (separate JVMs, a
 * real Kafka broker). Each drives the shop over HTTP and asserts the final state in every module
 * involved, the mails the customer got, the order's timeline, and that no event publication is
 * left incomplete anywhere.
 */
abstract class SagaScenarios {

    /** Every step an order that went all the way to its customer passes, in order. */
    static final String[] DELIVERED_ORDER_TIMELINE = {
        "PLACED", "STOCK_RESERVED", "PAYMENT_AUTHORIZED", "CONFIRMED", "SHIPMENT_CREATED", "DISPATCHED", "DELIVERED"
    };

    static final String TWO_MUGS = """
            {"lines":[{"sku":"MUG-CLASSIC","quantity":2}],"paymentToken":"%s"}""";

    /** The shop in the topology under test. */
    abstract Shop shop();

    @Test
    @Tag("ex-06")
    void happyPathFromPlacedToDelivered() {
        var mugs = shop().available("MUG-CLASSIC");
        var reserved = shop().reserved("MUG-CLASSIC");

        var order = shop().place(TWO_MUGS.formatted("tok_visa"));
        shop().awaitStatus(order, "CONFIRMED");
        var shipment = shop().awaitShipment(order);
        shop().dispatch(shipment);
        shop().awaitStatus(order, "SHIPPED");
        shop().deliver(shipment);
        shop().awaitStatus(order, "DELIVERED");

        assertThat(shop().available("MUG-CLASSIC")).isEqualTo(mugs - 2);
        await().atMost(Shop.ASYNC)
                .untilAsserted(() -> assertThat(shop().reserved("MUG-CLASSIC")).isEqualTo(reserved));
        assertThat(shop().paymentStatus(order)).isEqualTo("AUTHORIZED");
        assertThat(shop().shipmentStatus(shipment)).isEqualTo("DELIVERED");
        shop().awaitTimeline(order, DELIVERED_ORDER_TIMELINE);
        shop().awaitMails(order, "Your order is confirmed", "Your order is on its way", "Your order was delivered");
        shop().awaitSettled();
    }

    @Test
    void outOfStockRejectsTheOrderAndChargesNothing() {
        var hoodies = shop().available("HOODIE-L");

        var order = shop().place("""
                {"lines":[{"sku":"HOODIE-L","quantity":%d}]}""".formatted(hoodies + 1));
        shop().awaitStatus(order, "REJECTED");

        assertThat(shop().available("HOODIE-L")).isEqualTo(hoodies);
        shop().awaitTimeline(order, "PLACED", "STOCK_REJECTED", "REJECTED");
        shop().awaitMails(order, "We could not take your order");
        shop().awaitSettled();
        assertThat(shop().paymentStatus(order)).isEqualTo("NONE");
    }

    @Test
    void aDeclinedPaymentCancelsTheOrderAndReleasesItsStock() {
        var mugs = shop().available("MUG-CLASSIC");

        var order = shop().place(TWO_MUGS.formatted("tok_decline"));
        shop().awaitStatus(order, "CANCELLED");

        assertThat(shop().order(order)).containsEntry("cancellationReason", "Payment declined: Card declined");
        shop().awaitTimeline(order, "PLACED", "STOCK_RESERVED", "PAYMENT_DECLINED", "CANCELLED", "STOCK_RELEASED");
        assertThat(shop().available("MUG-CLASSIC")).isEqualTo(mugs);
        assertThat(shop().paymentStatus(order)).isEqualTo("DECLINED");
        shop().awaitMails(order, "Your order is cancelled");
        shop().awaitSettled();
    }

    @Test
    void aFlakyGatewayIsRetriedAndChargesOnce() {
        var order = shop().place(TWO_MUGS.formatted("tok_flaky"));

        shop().awaitStatus(order, "CONFIRMED");
        assertThat(shop().paymentStatus(order)).isEqualTo("AUTHORIZED");
        shop().awaitSettled();
    }

    @Test
    void cancellingBeforeDispatchRefundsReleasesAndCancelsTheShipment() {
        var mugs = shop().available("MUG-CLASSIC");
        var order = shop().place(TWO_MUGS.formatted("tok_visa"));
        shop().awaitStatus(order, "CONFIRMED");
        var shipment = shop().awaitShipment(order);

        shop().http()
                .post()
                .uri(order.getPath() + "/cancel")
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CANCELLATION_REQUESTED");

        shop().awaitStatus(order, "CANCELLED");
        await().atMost(Shop.ASYNC).untilAsserted(() -> {
            assertThat(shop().paymentStatus(order)).isEqualTo("REFUNDED");
            assertThat(shop().shipmentStatus(shipment)).isEqualTo("CANCELLED");
            assertThat(shop().available("MUG-CLASSIC")).isEqualTo(mugs);
        });
        await().atMost(Shop.ASYNC)
                .untilAsserted(() -> assertThat(shop().timeline(order))
                        .startsWith("PLACED", "STOCK_RESERVED", "PAYMENT_AUTHORIZED", "CONFIRMED")
                        .contains(
                                "SHIPMENT_CREATED",
                                "CANCELLATION_REQUESTED",
                                "SHIPMENT_CANCELLED",
                                "CANCELLED",
                                "STOCK_RELEASED",
                                "PAYMENT_REFUNDED")
                        .hasSize(10));
        shop().awaitMails(order, "Your order is confirmed", "Your order is cancelled");
        shop().awaitSettled();
    }

    @Test
    void cancellingAfterDispatchIsRefusedWithAConflict() {
        var order = shop().place(TWO_MUGS.formatted("tok_visa"));
        shop().awaitStatus(order, "CONFIRMED");
        shop().dispatch(shop().awaitShipment(order));
        shop().awaitStatus(order, "SHIPPED");

        shop().http()
                .post()
                .uri(order.getPath() + "/cancel")
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:seams:problem:order-not-cancellable")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("SHIPPED"));

        assertThat(shop().order(order)).containsEntry("status", "SHIPPED");
        assertThat(shop().paymentStatus(order)).isEqualTo("AUTHORIZED");
        shop().awaitSettled();
    }

    @Test
    void repeatingACommandWhoseEffectHoldsAnswersOkWithTheCurrentState() {
        var order = shop().place(TWO_MUGS.formatted("tok_visa"));
        shop().awaitStatus(order, "CONFIRMED");
        var shipment = shop().awaitShipment(order);

        shop().dispatch(shipment);
        shop().dispatch(shipment);
        shop().staff()
                .post()
                .uri("/api/shipments/" + shipment + "/dispatch")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"carrier":"UPS","trackingNumber":"1Z999"}""")
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:seams:problem:shipment-state");
        shop().deliver(shipment);
        shop().deliver(shipment);
        shop().awaitStatus(order, "DELIVERED");

        assertThat(shop().shipmentStatus(shipment)).isEqualTo("DELIVERED");
        shop().awaitTimeline(order, DELIVERED_ORDER_TIMELINE);
        shop().awaitSettled();
    }

    /**
     * Copies of one command sent at the same moment (a client's retries, a double click) take turns:
     * the first applies it, every other copy answers {@code 200} with the state it left, and none
     * trips over another with a {@code 409}.
     */
    @Test
    void copiesOfACommandSentAtOnceAnswerLikeRepeatedOnes() throws Exception {
        var order = shop().place(TWO_MUGS.formatted("tok_visa"));
        shop().awaitStatus(order, "CONFIRMED");
        var shipment = shop().awaitShipment(order);
        var dispatch = "{\"carrier\":\"DHL\",\"trackingNumber\":\"JD0146\"}";

        assertThat(atOnce(() -> post(shop().staff(), "/api/shipments/" + shipment + "/dispatch", dispatch)))
                .containsOnly(200);
        assertThat(atOnce(() -> post(shop().staff(), "/api/shipments/" + shipment + "/deliver", null)))
                .containsOnly(200);
        shop().awaitStatus(order, "DELIVERED");

        var cancelled = shop().place(TWO_MUGS.formatted("tok_visa"));
        shop().awaitStatus(cancelled, "CONFIRMED");
        shop().awaitShipment(cancelled);
        var answers = atOnce(() -> post(shop().http(), cancelled.getPath() + "/cancel", null));
        assertThat(answers).containsOnly(202, 200);
        assertThat(answers).filteredOn(status -> status == 202).hasSize(1);
        shop().awaitStatus(cancelled, "CANCELLED");
        shop().awaitSettled();
    }

    private static final int COPIES = 6;

    /** The statuses of {@link #COPIES} copies of a request, released together. */
    private static List<Integer> atOnce(Callable<Integer> request) throws Exception {
        var start = new CountDownLatch(1);
        var senders = Executors.newFixedThreadPool(COPIES);
        try {
            var answers = new ArrayList<Future<Integer>>();
            for (int copy = 0; copy < COPIES; copy++) {
                answers.add(senders.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            var statuses = new ArrayList<Integer>();
            for (var answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            senders.shutdownNow();
        }
    }

    private static int post(RestTestClient client, String uri, String json) {
        var request = client.post().uri(uri);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return request.exchange().returnResult().getStatus().value();
    }

    @Test
    void cancellingTwiceAnswersOkTheSecondTime() {
        var order = shop().place(TWO_MUGS.formatted("tok_visa"));
        shop().awaitStatus(order, "CONFIRMED");
        shop().awaitShipment(order);

        shop().http()
                .post()
                .uri(order.getPath() + "/cancel")
                .exchange()
                .expectStatus()
                .isAccepted();
        shop().http()
                .post()
                .uri(order.getPath() + "/cancel")
                .exchange()
                .expectStatus()
                .isOk();
        shop().awaitStatus(order, "CANCELLED");
        shop().http()
                .post()
                .uri(order.getPath() + "/cancel")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CANCELLED");
        shop().awaitSettled();
    }

    @Test
    void retryingWithTheSameIdempotencyKeyPlacesOneOrderAndChargesOnce() {
        var body = TWO_MUGS.formatted("tok_visa");
        var key = "checkout-" + UUID.randomUUID();
        var locations = new HashSet<String>();

        for (int attempt = 0; attempt < 10; attempt++) {
            locations.add(shop().place(body, headers -> headers.set("Idempotency-Key", key))
                    .toString());
        }

        assertThat(locations).hasSize(1);
        var order = java.net.URI.create(locations.iterator().next());
        shop().awaitStatus(order, "CONFIRMED");
        assertThat(shop().paymentsData()
                        .sql("SELECT count(*) FROM payments.payment WHERE order_id = ?::uuid")
                        .param(shop().idOf(order))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        shop().http()
                .post()
                .uri("/api/orders")
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .body(TWO_MUGS.formatted("tok_decline"))
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:seams:problem:idempotency-key-reused");
        shop().awaitSettled();
    }
}
