package io.seams.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.seams.shop.testing.KafkaBroker;
import io.seams.shop.testing.TestDatabases;
import io.seams.shop.testing.Tokens;
import io.seams.shop.testing.cluster.SeamsProcess;
import jakarta.mail.MessagingException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The monolith (the packaged jar, a JVM of its own) is killed with SIGKILL in the middle of a burst
 * of orders, ten times, at a random moment each time. Every order that got a 201 must reach a final
 * state; none may be paid, shipped or mailed twice; no event publication may be left behind.
 */
class CrashRecoveryIT {

    static final int CYCLES = 10;
    static final Pattern ORDER_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @Test
    void killingTheProcessMidBurstLosesNothingAndDoublesNothing() throws Exception {
        var seed = System.nanoTime();
        var random = new Random(seed);
        var home = Files.createTempDirectory("seams-crash");
        var accounts = home.resolve("accounts");
        var database = TestDatabases.fresh();
        var db = JdbcClient.create(new SimpleDriverDataSource(
                new org.postgresql.Driver(), database.url(), database.username(), database.password()));
        var mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        var seams = new SeamsProcess(
                "seams",
                KafkaBroker.freePort(),
                List.of(
                        "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password(),
                        "--seams.mail.embedded.enabled=false",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + mail.getSmtp().getPort(),
                        "--seams.security.embedded-authorization-server.accounts-directory=" + accounts,
                        "--seams.events.resubmission.interval=PT1S",
                        "--seams.events.resubmission.min-age=PT1S",
                        "--spring.modulith.events.staleness.check-intervall=PT1S",
                        "--spring.modulith.events.staleness.published=PT5S",
                        "--spring.modulith.events.staleness.processing=PT5S",
                        "--spring.modulith.events.staleness.resubmission=PT5S",
                        "--logging.level.org.springframework.modulith.events.core.DefaultEventPublicationRegistry=warn"));
        var jar = Path.of(System.getProperty("seams.jar", "target/seams-0.1.0-SNAPSHOT.jar"));
        var jvm = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1");
        var accepted = new ConcurrentLinkedQueue<String>();
        var attempted = 0;
        try {
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                var running = seams.start(jar, home, jvm).awaitReady();
                var token = Tokens.of(seams.url(), "ada", Tokens.secretIn(accounts, "ada"));
                var before = accepted.size();
                var killAfter = before + 3 + random.nextInt(10);
                var placing = new AtomicBoolean(true);
                var burst = Executors.newFixedThreadPool(4);
                var tries = new java.util.concurrent.atomic.AtomicInteger();
                for (int t = 0; t < 4; t++) {
                    burst.submit(() -> {
                        var http = HttpClient.newHttpClient();
                        while (placing.get()) {
                            tries.incrementAndGet();
                            try {
                                var response = http.send(
                                        HttpRequest.newBuilder(URI.create(seams.url() + "/api/orders"))
                                                .header("Authorization", "Bearer " + token)
                                                .header("Content-Type", "application/json")
                                                .POST(HttpRequest.BodyPublishers.ofString(
                                                        "{\"lines\":[{\"sku\":\"STICKER-PACK\",\"quantity\":1}]}"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString());
                                var id = ORDER_ID.matcher(response.body());
                                if (response.statusCode() == 201 && id.find()) {
                                    accepted.add(id.group(1));
                                }
                            } catch (java.io.IOException refusedOrCut) {
                                // the process is gone: this order was not accepted
                            }
                        }
                        return null;
                    });
                }
                // A random moment: after a random number of accepted orders, with others in flight.
                await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= killAfter);
                running.kill();
                placing.set(false);
                burst.shutdown();
                assertThat(burst.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
                attempted += tries.get();
            }

            var last = seams.start(jar, home, jvm).awaitReady();
            try {
                var ids = List.copyOf(accepted);
                await().atMost(Duration.ofSeconds(120))
                        .untilAsserted(() -> assertThat(statuses(db, ids).values())
                                .hasSize(ids.size())
                                .allMatch(status -> status.equals("CONFIRMED")));
                await().atMost(Duration.ofSeconds(60))
                        .until(() ->
                                db.sql("SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL")
                                                .query(Long.class)
                                                .single()
                                        == 0);
                var doubledPayments = db.sql("""
                                SELECT count(*) FROM payments.simulated_authorization g
                                WHERE g.approved AND NOT EXISTS (SELECT 1 FROM payments.payment p
                                    WHERE p.order_id = g.order_id AND p.gateway_reference = g.reference)""").query(Long.class).single();
                var doubledShipments = db.sql("""
                                SELECT count(*) FROM (SELECT order_id FROM shipping.shipment GROUP BY order_id
                                HAVING count(*) > 1) doubled""").query(Long.class).single();
                await().atMost(Duration.ofSeconds(30))
                        .until(() ->
                                confirmationMails(mail, ids).stream().distinct().count() == ids.size());
                var mails = confirmationMails(mail, ids);
                var distinctMails = mails.stream().distinct().count();
                var lost = ids.size() - statuses(db, ids).size();
                System.out.printf(
                        "Crash recovery (seed %d): %d kills, %d requests sent, %d orders accepted, %d completed, %d lost,"
                                + " %d payments doubled, %d shipments doubled, %d confirmation mails sent"
                                + " (%d distinct Message-IDs)%n",
                        seed,
                        CYCLES,
                        attempted,
                        ids.size(),
                        statuses(db, ids).values().stream()
                                .filter("CONFIRMED"::equals)
                                .count(),
                        lost,
                        doubledPayments,
                        doubledShipments,
                        mails.size(),
                        distinctMails);
                assertThat(lost).isZero();
                assertThat(doubledPayments).isZero();
                assertThat(doubledShipments).isZero();
                assertThat(db.sql("""
                                        SELECT count(*) FROM payments.payment
                                        WHERE status = 'AUTHORIZED' AND order_id::text IN (:ids)""").param("ids", ids).query(Long.class).single())
                        .isEqualTo(ids.size());
                assertThat(distinctMails)
                        .as("confirmation mails, by Message-ID")
                        .isEqualTo(ids.size());
            } finally {
                last.stop();
            }
        } finally {
            mail.stop();
        }
    }

    private static Map<String, String> statuses(JdbcClient db, List<String> ids) {
        return db
                .sql("SELECT id::text, status FROM orders.purchase_order WHERE id::text IN (:ids)")
                .param("ids", ids)
                .query((row, number) -> Map.entry(row.getString(1), row.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The Message-IDs of the "confirmed" mails received about these orders, one per mail. */
    private static List<String> confirmationMails(GreenMail mail, List<String> orders) {
        var ids = new ArrayList<String>();
        for (var message : Arrays.asList(mail.getReceivedMessages())) {
            try {
                var id = message.getMessageID();
                if ("Your order is confirmed".equals(message.getSubject())
                        && id != null
                        && orders.stream().anyMatch(id::contains)) {
                    ids.add(id);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return ids;
    }
}
