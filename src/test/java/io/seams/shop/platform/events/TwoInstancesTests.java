package io.seams.shop.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.micrometer.core.instrument.MeterRegistry;
import io.seams.shop.testing.EventPublications;
import io.seams.shop.testing.InProcessSeams;
import io.seams.shop.testing.TestDatabases;
import io.seams.shop.testing.Tokens;
import jakarta.mail.MessagingException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances of the monolith on one database, with requests spread over both, as behind a load
 * balancer: every order completes exactly once, and the scheduled resubmission of failed event
 * publications runs on one instance at a time (the other skips while the lock is taken).
 */
class TwoInstancesTests {

    private static final Pattern ORDER_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final int ORDERS = 40;

    private static TestDatabases.Database database;
    private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private static JdbcClient db;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoInstances() {
        database = TestDatabases.fresh();
        for (int i = 0; i < 2; i++) {
            instances.add(InProcessSeams.on(database)
                    .properties("seams.events.resubmission.interval=PT0.2S", "seams.events.resubmission.min-age=PT0.2S")
                    .run());
        }
        db = instances.get(0).getBean(JdbcClient.class);
    }

    @AfterAll
    static void stopInstances() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void ordersSpreadOverTwoInstancesCompleteExactlyOnce() throws Exception {
        // Each instance signs its own demo tokens: a client asks the instance it talks to.
        var tokens =
                instances.stream().map(instance -> Tokens.of(instance, "ada")).toList();
        var accepted = new ConcurrentLinkedQueue<String>();
        var placing = Executors.newFixedThreadPool(4);
        for (int i = 0; i < ORDERS; i++) {
            int instance = i % 2;
            placing.submit(() -> {
                var response = http.send(
                        HttpRequest.newBuilder(URI.create(urlOf(instance) + "/api/orders"))
                                .header("Authorization", "Bearer " + tokens.get(instance))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("""
                                        {"lines":[{"sku":"STICKER-PACK","quantity":1}]}"""))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                var id = ORDER_ID.matcher(response.body());
                assertThat(response.statusCode()).isEqualTo(201);
                assertThat(id.find()).isTrue();
                accepted.add(id.group(1));
                return null;
            });
        }
        placing.shutdown();
        assertThat(placing.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        var ids = List.copyOf(accepted);
        assertThat(ids).hasSize(ORDERS);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.sql("SELECT count(*) FROM orders.purchase_order WHERE status = 'CONFIRMED'"
                                        + " AND id::text IN (:ids)")
                                .param("ids", ids)
                                .query(Long.class)
                                .single()
                        == ORDERS);
        await().atMost(Duration.ofSeconds(30)).until(() -> EventPublications.incomplete(db) == 0);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> confirmationMails(ids).size() >= ORDERS);

        var gatewayCalls = db.sql("SELECT coalesce(sum(times_asked), 0) FROM payments.simulated_authorization"
                        + " WHERE order_id::text IN (:ids)")
                .param("ids", ids)
                .query(Long.class)
                .single();
        var shipments = db.sql("SELECT count(*) FROM shipping.shipment WHERE order_id::text IN (:ids)")
                .param("ids", ids)
                .query(Long.class)
                .single();
        var mails = confirmationMails(ids);
        var handledByEach = instances.stream()
                .map(instance -> (long) instance.getBean(MeterRegistry.class)
                        .counter("seams.orders", "outcome", "confirmed")
                        .count())
                .toList();
        System.out.printf(
                "Two instances: %d orders accepted (half through each), %d completed, 0 lost,"
                        + " %d gateway authorisations, %d shipments, %d confirmation mails (%d distinct);"
                        + " confirmations handled per instance %s%n",
                ids.size(),
                ORDERS,
                gatewayCalls,
                shipments,
                mails.size(),
                mails.stream().distinct().count(),
                handledByEach);
        assertThat(gatewayCalls).isEqualTo(ORDERS);
        assertThat(shipments).isEqualTo(ORDERS);
        assertThat(mails).hasSize(ORDERS).doesNotHaveDuplicates();
    }

    @Test
    void failedPublicationsAreResubmittedByOneInstanceAtATime() throws Exception {
        // Customers whose contact details never reached notifications: mailing them fails until fixed.
        var customers = IntStream.range(0, 4).mapToObj(i -> UUID.randomUUID()).toList();
        for (var customer : customers) {
            db.sql("""
                    INSERT INTO customers.customer (id, name, email, street, postal_code, city, country, erased, version)
                    VALUES (?, 'Hedy Lamarr', ?, '1 Frequency Road', '1010', 'Vienna', 'AT', false, 0)""").params(customer, customer + "@example.com").update();
        }
        for (int i = 0; i < customers.size(); i++) {
            int instance = i % 2;
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(urlOf(instance) + "/api/orders"))
                            .header("Authorization", "Bearer " + Tokens.of(instances.get(instance), "sam"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("""
                                    {"customerId":"%s","lines":[{"sku":"MUG-CLASSIC","quantity":1}]}""".formatted(customers.get(i))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.sql("SELECT count(*) FROM events.event_publication WHERE status = 'FAILED'"
                                        + " AND listener_id LIKE '%CustomerNotifications%'")
                                .query(Long.class)
                                .single()
                        >= customers.size());

        // While a third party holds the lock, neither instance resubmits: both skip.
        var lockHolder = new DriverManagerDataSource(database.url(), database.username(), database.password());
        new TransactionTemplate(new DataSourceTransactionManager(lockHolder)).executeWithoutResult(status -> {
            JdbcClient.create(lockHolder)
                    .sql("SELECT pg_advisory_xact_lock(?)")
                    .param(EventResubmission.LOCK_KEY)
                    .query()
                    .singleRow();
            // Once each instance has skipped, whatever it ran before took the lock before us.
            var skippedAtFirst = await().atMost(Duration.ofSeconds(10))
                    .until(
                            () -> resubmissions("skipped"),
                            skipped -> skipped.stream().allMatch(n -> n >= 1));
            var ranMeanwhile = resubmissions("ran");
            await().atMost(Duration.ofSeconds(10))
                    .until(
                            () -> resubmissions("skipped"),
                            skipped -> skipped.get(0) >= skippedAtFirst.get(0) + 3
                                    && skipped.get(1) >= skippedAtFirst.get(1) + 3);
            assertThat(resubmissions("ran"))
                    .as("rounds run while the lock was held")
                    .isEqualTo(ranMeanwhile);
        });

        for (var customer : customers) {
            db.sql("INSERT INTO notifications.recipient (customer_id, name, email) VALUES (?, 'Hedy Lamarr', ?)")
                    .params(customer, customer + "@example.com")
                    .update();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> EventPublications.incomplete(db) == 0);
        var mails = new ArrayList<String>();
        for (var customer : customers) {
            mails.addAll(messageIdsTo(customer + "@example.com"));
        }
        System.out.printf(
                "Two instances: %d failed publications resubmitted by the scheduled job after the fix;"
                        + " rounds run per instance %s, skipped (the other held the lock) %s; %d mails (%d distinct)%n",
                customers.size(),
                resubmissions("ran"),
                resubmissions("skipped"),
                mails.size(),
                mails.stream().distinct().count());
        assertThat(mails).hasSize(customers.size()).doesNotHaveDuplicates();
    }

    private static List<Long> resubmissions(String outcome) {
        return instances.stream()
                .map(instance -> (long) instance.getBean(MeterRegistry.class)
                        .counter("seams.events.resubmissions", "outcome", outcome)
                        .count())
                .toList();
    }

    private static String urlOf(int instance) {
        return "http://127.0.0.1:" + instances.get(instance).getEnvironment().getProperty("local.server.port");
    }

    /** The Message-IDs of the "confirmed" mails about these orders, received by either instance's mail server. */
    private static List<String> confirmationMails(List<String> orders) throws MessagingException {
        var ids = new ArrayList<String>();
        for (var instance : instances) {
            for (var message : Arrays.asList(instance.getBean(GreenMail.class).getReceivedMessages())) {
                var id = message.getMessageID();
                if ("Your order is confirmed".equals(message.getSubject())
                        && id != null
                        && orders.stream().anyMatch(id::contains)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private static List<String> messageIdsTo(String address) throws MessagingException {
        var ids = new ArrayList<String>();
        for (var instance : instances) {
            for (var message : instance.getBean(GreenMail.class).getReceivedMessagesForDomain(address)) {
                ids.add(message.getMessageID());
            }
        }
        return ids;
    }
}
