package io.seams.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.seams.shop.testing.EventPublications;
import io.seams.shop.testing.Tokens;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The shop as the tests drive it: over HTTP, reading mail from the SMTP server, waiting for conditions.
 * Every test that places an order over HTTP and waits for what follows does it through this driver.
 */
public final class Shop {

    public static final Duration ASYNC = Duration.ofSeconds(20);

    private final RestTestClient http;
    private final RestTestClient staff;
    private final JdbcClient shopData;
    private final JdbcClient paymentsData;
    private final GreenMail mail;
    private final List<JdbcClient> registries;

    /**
     * @param http the shop's REST API, as the demo customer Ada
     * @param staff the same, as staff
     * @param shopData the database holding inventory
     * @param paymentsData the database holding payments
     * @param mail the SMTP server the customer's mail goes to
     * @param registries every database with an event publication registry in this topology
     */
    Shop(
            RestTestClient http,
            RestTestClient staff,
            JdbcClient shopData,
            JdbcClient paymentsData,
            GreenMail mail,
            List<JdbcClient> registries) {
        this.http = http;
        this.staff = staff;
        this.shopData = shopData;
        this.paymentsData = paymentsData;
        this.mail = mail;
        this.registries = List.copyOf(registries);
    }

    /** The shop as one process on one database. */
    public static Shop monolith(RestTestClient http, ApplicationContext context, JdbcClient jdbc, GreenMail mail) {
        return new Shop(
                Tokens.as(http, context, "ada"), Tokens.as(http, context, "sam"), jdbc, jdbc, mail, List.of(jdbc));
    }

    /**
     * The shop as one process on one database, its database and mail server taken from {@code context}:
     * for tests that only place orders and wait.
     */
    public static Shop monolith(RestTestClient http, ApplicationContext context) {
        return monolith(http, context, context.getBean(JdbcClient.class), context.getBean(GreenMail.class));
    }

    public RestTestClient http() {
        return http;
    }

    public RestTestClient staff() {
        return staff;
    }

    public JdbcClient paymentsData() {
        return paymentsData;
    }

    public URI place(String body) {
        return placeAs(http, body);
    }

    public URI place(String body, Consumer<HttpHeaders> headers) {
        return placeAs(http, body, headers);
    }

    public URI placeAs(RestTestClient client, String body) {
        return placeAs(client, body, headers -> {});
    }

    /** Places an order as {@code client}, with these extra request headers; the order's location. */
    public URI placeAs(RestTestClient client, String body, Consumer<HttpHeaders> headers) {
        return client.post()
                .uri("/api/orders")
                .headers(headers)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .returnResult()
                .getResponseHeaders()
                .getLocation();
    }

    public String idOf(URI order) {
        var path = order.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> order(URI order) {
        return http.get()
                .uri(order)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(Map.class)
                .getResponseBody();
    }

    public void awaitStatus(URI order, String status) {
        await().atMost(ASYNC).untilAsserted(() -> assertThat(order(order)).containsEntry("status", status));
    }

    @SuppressWarnings("unchecked")
    public String awaitShipment(URI order) {
        List<Map<String, Object>> shipments = await().atMost(ASYNC)
                .until(
                        () -> (List<Map<String, Object>>) staff.get()
                                .uri("/api/shipments?orderId=" + idOf(order))
                                .exchange()
                                .returnResult(List.class)
                                .getResponseBody(),
                        list -> !list.isEmpty());
        return (String) shipments.get(0).get("id");
    }

    @SuppressWarnings("unchecked")
    public String shipmentStatus(String shipment) {
        return (String) staff.get()
                .uri("/api/shipments/" + shipment)
                .exchange()
                .returnResult(Map.class)
                .getResponseBody()
                .get("status");
    }

    public void dispatch(String shipment) {
        staff.post()
                .uri("/api/shipments/" + shipment + "/dispatch")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"carrier":"DHL","trackingNumber":"JD0146"}""")
                .exchange()
                .expectStatus()
                .isOk();
    }

    public void deliver(String shipment) {
        staff.post()
                .uri("/api/shipments/" + shipment + "/deliver")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @SuppressWarnings("unchecked")
    public List<String> timeline(URI order) {
        var timeline = http.get()
                .uri(order.getPath() + "/timeline")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(Map.class)
                .getResponseBody();
        return ((List<Map<String, Object>>) timeline.get("steps"))
                .stream().map(step -> (String) step.get("step")).toList();
    }

    public void awaitTimeline(URI order, String... steps) {
        await().atMost(ASYNC).untilAsserted(() -> assertThat(timeline(order)).containsExactly(steps));
    }

    /** The subjects of the mails about this order, in the order they arrived. */
    public List<String> mailsAbout(URI order) {
        var id = idOf(order);
        return Arrays.stream(mail.getReceivedMessages())
                .filter(message -> bodyOf(message).contains(id))
                .map(Shop::subjectOf)
                .toList();
    }

    public void awaitMails(URI order, String... subjects) {
        await().atMost(ASYNC).untilAsserted(() -> assertThat(mailsAbout(order)).containsExactly(subjects));
    }

    public String paymentStatus(URI order) {
        return paymentsData
                .sql("SELECT status FROM payments.payment WHERE order_id = ?::uuid")
                .param(idOf(order))
                .query(String.class)
                .optional()
                .orElse("NONE");
    }

    public int available(String sku) {
        return shopData.sql("SELECT available FROM inventory.stock WHERE sku = ?")
                .param(sku)
                .query(Integer.class)
                .single();
    }

    public int reserved(String sku) {
        return shopData.sql("SELECT reserved FROM inventory.stock WHERE sku = ?")
                .param(sku)
                .query(Integer.class)
                .single();
    }

    /** Waits until every event publication has been handled: nothing is left in flight or failed. */
    public void awaitSettled() {
        await().atMost(ASYNC)
                .until(() -> registries.stream()
                                .mapToLong(EventPublications::incomplete)
                                .sum()
                        == 0);
    }

    private static String bodyOf(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
