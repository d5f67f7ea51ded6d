package io.seams.shop.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.seams.shop.catalog.Sku;
import io.seams.shop.customers.CustomerErased;
import io.seams.shop.customers.CustomerId;
import io.seams.shop.customers.CustomerRegistered;
import io.seams.shop.customers.ShippingAddress;
import io.seams.shop.orders.OrderConfirmed;
import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.OrderPlaced;
import io.seams.shop.platform.kernel.Money;
import io.seams.shop.shipping.ShipmentDispatched;
import io.seams.shop.shipping.ShipmentId;
import io.seams.shop.testing.EventPublications;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

@ApplicationModuleTest(verifyAutomatically = false)
class NotificationsModuleTests {

    static final ShippingAddress ADDRESS = new ShippingAddress("Grace", "1 Lane", "20301", "Arlington", "US");

    @Autowired
    GreenMail mail;

    @Autowired
    JdbcClient jdbc;

    @Test
    @Tag("ex-08")
    void aConfirmedOrderIsMailedOnceHoweverOftenItArrives(Scenario scenario) {
        var grace = registered(scenario, "grace@navy.example");
        var confirmed = new OrderConfirmed(OrderId.random(), grace, ADDRESS, Instant.now());

        scenario.publish(confirmed)
                .andWaitForStateChange(() -> mailsTo("grace@navy.example"), mails -> !mails.isEmpty());
        scenario.publish(confirmed)
                .andWaitForStateChange(this::nothingInFlight)
                .andVerify(
                        done -> assertThat(mailsTo("grace@navy.example")).containsExactly("Your order is confirmed"));
    }

    /**
     * What was sent is remembered in the module's database, not in one process's memory: an event
     * handed over again after a restart, or to another instance, finds its notification sent.
     */
    @Test
    @Tag("ex-08")
    void aNotificationRecordedAsSentIsNotSentAgain(Scenario scenario) {
        var hedy = registered(scenario, "hedy@frequency.example");
        var confirmed = new OrderConfirmed(OrderId.random(), hedy, ADDRESS, Instant.now());
        jdbc.sql("""
                        INSERT INTO notifications.sent_notification (order_id, kind, customer_id, email, sent_at)
                        VALUES (?, 'ORDER_CONFIRMED', ?, 'hedy@frequency.example', now())""").params(confirmed.orderId().id(), hedy.id()).update();

        scenario.publish(confirmed)
                .andWaitForStateChange(this::nothingInFlight)
                .andVerify(done -> assertThat(mailsTo("hedy@frequency.example")).isEmpty());
    }

    @Test
    void aDispatchedShipmentIsMailedToWhoeverPlacedTheOrder(Scenario scenario) {
        var alan = registered(scenario, "alan@bletchley.example");
        var order = OrderId.random();
        scenario.publish(new OrderPlaced(
                        order,
                        alan,
                        List.of(new OrderPlaced.Line(new Sku("MUG-CLASSIC"), 1)),
                        Money.of("12.90", "EUR"),
                        Instant.now()))
                .andWaitForStateChange(this::nothingInFlight);

        scenario.publish(new ShipmentDispatched(
                        order, new ShipmentId(UUID.randomUUID()), "DHL", "JD0146", Instant.now()))
                .andWaitForStateChange(
                        () -> mailsTo("alan@bletchley.example"), mails -> mails.contains("Your order is on its way"));
    }

    @Test
    void erasingACustomerAnonymisesTheirContactAndTheNotificationsSent(Scenario scenario) {
        var linus = registered(scenario, "linus@kernel.example");
        scenario.publish(new OrderConfirmed(OrderId.random(), linus, ADDRESS, Instant.now()))
                .andWaitForStateChange(() -> mailsTo("linus@kernel.example"), mails -> !mails.isEmpty());

        scenario.publish(new CustomerErased(linus, Instant.now()))
                .andWaitForStateChange(this::nothingInFlight)
                .andVerify(done ->
                        assertThat(jdbc.sql("""
                                        SELECT count(*) FROM notifications.recipient r
                                        FULL JOIN notifications.sent_notification s ON s.customer_id = r.customer_id
                                        WHERE r.email LIKE 'linus%' OR s.email LIKE 'linus%' OR r.name LIKE 'Linus%'""").query(Long.class).single()).isZero());
    }

    private CustomerId registered(Scenario scenario, String email) {
        var customer = CustomerId.random();
        scenario.publish(new CustomerRegistered(customer, email.substring(0, email.indexOf('@')), email, Instant.now()))
                .andWaitForStateChange(this::nothingInFlight);
        return customer;
    }

    private List<String> mailsTo(String address) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(message -> recipientsOf(message).contains(address))
                .map(message -> {
                    try {
                        return message.getSubject();
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static String recipientsOf(Message message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Boolean nothingInFlight() {
        return EventPublications.incomplete(jdbc) == 0;
    }
}
