package io.seams.shop.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.seams.shop.Shop;
import io.seams.shop.testing.EventPublications;
import io.seams.shop.testing.Tokens;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A listener that fails leaves its publication failed and listed for operations, and nothing else:
 * the publisher's change (here, the order's confirmation) is committed all the same. Once the cause
 * is fixed, a resubmission completes it. (The scheduled resubmission is switched off here so the
 * test decides when.)
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "seams.events.resubmission.interval=PT1H")
@AutoConfigureRestTestClient
class FailedPublicationsTests {

    @Autowired
    RestTestClient http;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GreenMail mail;

    @Test
    @Tag("ex-07")
    void aFailedPublicationIsListedAndCompletesWhenResubmittedAfterTheFix() {
        // A customer whose contact details never reached notifications: mailing them fails.
        var customer = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO customers.customer (id, name, email, street, postal_code, city, country, erased, version)
                        VALUES (?, 'Hedy Lamarr', 'hedy@example.com', '1 Frequency Road', '1010', 'Vienna', 'AT', false, 0)""").param(customer).update();
        var shop = Shop.monolith(http, context, jdbc, mail);
        var olivia = Tokens.as(http, context, "olivia");
        var order = shop.placeAs(shop.staff(), """
                {"customerId":"%s","lines":[{"sku":"MUG-CLASSIC","quantity":1}]}""".formatted(customer));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> publications(olivia).stream()
                        .anyMatch(publication -> "FAILED".equals(publication.get("status"))));
        assertThat(statusOf(shop.staff(), order))
                .as("the order, although mailing its confirmation failed")
                .isEqualTo("CONFIRMED");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(publications(olivia))
                        .anySatisfy(publication -> assertThat(publication)
                                .containsEntry("status", "FAILED")
                                .satisfies(p ->
                                        assertThat((String) p.get("listener")).contains("CustomerNotifications"))));

        jdbc.sql(
                        "INSERT INTO notifications.recipient (customer_id, name, email) VALUES (?, 'Hedy Lamarr', 'hedy@example.com')")
                .param(customer)
                .update();
        olivia.post()
                .uri("/api/operations/event-publications/resubmit")
                .exchange()
                .expectStatus()
                .isAccepted();

        await().atMost(Duration.ofSeconds(20)).until(() -> EventPublications.incomplete(jdbc) == 0);
        assertThat(mail.getReceivedMessagesForDomain("hedy@example.com")).isNotEmpty();
        assertThat(publications(olivia)).isEmpty();
    }

    private static String statusOf(RestTestClient staff, URI order) {
        return (String) staff.get()
                .uri(order)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(Map.class)
                .getResponseBody()
                .get("status");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> publications(RestTestClient olivia) {
        return olivia.get()
                .uri("/api/operations/event-publications")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(List.class)
                .getResponseBody();
    }
}
