package io.seams.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.seams.shop.testing.MovableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Every path an order can take, on the monolith: the {@link SagaScenarios} every topology runs,
 * plus what only the monolith's tests control (its clock, one database to search for personal
 * data) — through the whole application over HTTP, on real PostgreSQL and a real SMTP server.
 */
@MonolithSagaTest
class FulfilmentSagaTests extends SagaScenarios {

    @Autowired
    RestTestClient http;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GreenMail mail;

    @Autowired
    MovableClock clock;

    Shop shop;

    @Override
    Shop shop() {
        return shop;
    }

    @BeforeEach
    void openTheShop() {
        shop = Shop.monolith(http, context, jdbc, mail);
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
        // Grace has no demo account: staff register her, order for her and erase her.
        var staff = new Shop(shop.staff(), shop.staff(), jdbc, jdbc, mail, List.of(jdbc));
        var grace = """
                {"name":"Grace Hopper","email":"grace@navy.example",
                 "address":{"street":"1 Compiler Lane","postalCode":"20301","city":"Arlington","country":"US"}}""";
        var customer = register(grace, "false");
        assertThat(register(grace, "true"))
                .as("a retry with the same Idempotency-Key answers with the customer registered first")
                .isEqualTo(customer);
        var order = staff.place("""
                {"customerId":"%s","lines":[{"sku":"NOTEBOOK-A5","quantity":1}]}""".formatted(customer));
        staff.awaitStatus(order, "CONFIRMED");
        staff.awaitShipment(order);
        staff.awaitMails(order, "Your order is confirmed");

        shop.staff()
                .post()
                .uri("/api/customers/" + customer + "/erasure")
                .exchange()
                .expectStatus()
                .isAccepted();
        // Erasing again changes nothing and says so: 200 with the erased customer (ADR 0016).
        shop.staff()
                .post()
                .uri("/api/customers/" + customer + "/erasure")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.erased")
                .isEqualTo(true);

        await().atMost(Shop.ASYNC)
                .untilAsserted(
                        () -> assertThat(PersonalData.placesHolding(jdbc, "Grace", "grace@navy", "Compiler Lane"))
                                .isEmpty());
        assertThat(staff.order(order)).containsEntry("status", "CONFIRMED").containsKey("total");
        shop.awaitSettled();
    }

    /** Registers Grace with the same Idempotency-Key each time; the id registered, checking whether it was a replay. */
    private Object register(String profile, String replayed) {
        return shop.staff()
                .post()
                .uri("/api/customers")
                .header("Idempotency-Key", "register-grace-hopper")
                .contentType(MediaType.APPLICATION_JSON)
                .body(profile)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", replayed)
                .returnResult(Map.class)
                .getResponseBody()
                .get("id");
    }
}
