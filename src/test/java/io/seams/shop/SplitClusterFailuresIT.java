package io.seams.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seams.shop.testing.EventPublications;
import io.seams.shop.testing.KafkaBroker;
import io.seams.shop.testing.cluster.SplitCluster;
import io.seams.shop.testing.cluster.TestCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the split topology adds, tested: a process that crashes, a second replica, a broker that
 * goes away. Accepted orders may wait; none is lost, none is paid twice.
 */
@ExtendWith(TestCluster.Extension.class)
class SplitClusterFailuresIT {

    /** Time for a process to start, notice what it missed and catch up. */
    static final Duration RECOVERY = Duration.ofSeconds(90);

    /** Each process reads with one consumer per partition of its topics ({@code spring.kafka.listener.concurrency}). */
    static final int CONSUMERS_PER_PROCESS = 3;

    /** The partitions payments reads: OrderReserved and OrderCancelled, three each. */
    static final int PAYMENTS_PARTITIONS = 6;

    static final String ONE_STICKER_PACK = """
            {"lines":[{"sku":"STICKER-PACK","quantity":1}],"paymentToken":"tok_visa"}""";

    static TestCluster cluster;
    static Shop shop;

    @BeforeAll
    static void openTheSplitShop(TestCluster testCluster) {
        cluster = testCluster;
        shop = SplitClusterSagaIT.shopOn(testCluster);
    }

    @Test
    void killingPaymentsWithOrdersInFlightLosesNoneAndPaysEachOnce() throws Exception {
        var inFlight = place(5);
        cluster.cluster().process(SplitCluster.PAYMENTS).kill();
        var whileDown = place(5);
        for (var order : whileDown) {
            shop.awaitStatus(order, "RESERVED");
        }
        assertThat(whileDown)
                .allSatisfy(order -> assertThat(shop.paymentStatus(order)).isEqualTo("NONE"));

        cluster.cluster().restart(SplitCluster.PAYMENTS);

        var all = new ArrayList<>(inFlight);
        all.addAll(whileDown);
        awaitConfirmed(all);
        assertPaidExactlyOnce(all);
        awaitSettled();
    }

    @Test
    void twoPaymentsReplicasPayEachOrderOnce() throws Exception {
        var replica = cluster.cluster().startReplica(SplitCluster.PAYMENTS, KafkaBroker.freePort());
        try {
            awaitGroupMembers(SplitCluster.PAYMENTS, 2 * CONSUMERS_PER_PROCESS);
            var orders = place(30);

            awaitConfirmed(orders);
            assertPaidExactlyOnce(orders);
            var first = paymentsLoggedIn(
                    cluster.cluster().process(SplitCluster.PAYMENTS).log(), orders);
            var second = paymentsLoggedIn(replica.log(), orders);
            // Payments are taken by whoever reads OrderReserved. Its three partitions go to three of
            // the six consumers, chosen by Kafka's assignor: usually both replicas get some, but
            // one replica may get all three. Each replica pays exactly when it reads some.
            var readers = orderReservedReaders(replica.spec().name());
            assertThat(first.isEmpty())
                    .as("orders paid by the first replica, which reads OrderReserved: %s", readers.contains(false))
                    .isEqualTo(!readers.contains(false));
            assertThat(second.isEmpty())
                    .as("orders paid by the second replica, which reads OrderReserved: %s", readers.contains(true))
                    .isEqualTo(!readers.contains(true));
            assertThat(Collections.disjoint(first, second))
                    .as("no order paid by both replicas")
                    .isTrue();
            assertThat(first.size() + second.size()).isEqualTo(orders.size());
            awaitSettled();
        } finally {
            replica.stop();
        }
        awaitGroupMembers(SplitCluster.PAYMENTS, CONSUMERS_PER_PROCESS);
    }

    @Test
    void withKafkaDownForThirtySecondsNoOrderIsLostAndAllCompleteWhenItIsBack() throws Exception {
        cluster.cluster().kafka().stop();
        List<URI> orders;
        try {
            // Health says the broker is gone; readiness does not, so the load balancer keeps sending orders.
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(health("/actuator/health")
                                    .at("/components/kafka/status")
                                    .asText())
                            .isEqualTo("DOWN"));
            assertThat(health("/actuator/health/readiness").path("status").asText())
                    .isEqualTo("UP");
            orders = place(5);
            // The orders wait, accepted and not lost, their events kept in the registries, for as
            // long as the broker is away.
            await().during(Duration.ofSeconds(30))
                    .atMost(Duration.ofSeconds(40))
                    .untilAsserted(() -> {
                        assertThat(orders)
                                .allSatisfy(
                                        order -> assertThat(shop.order(order).get("status"))
                                                .isIn("PLACED", "RESERVED"));
                        assertThat(EventPublications.incomplete(cluster.database(SplitCluster.SHOP)))
                                .as("publications waiting for the broker")
                                .isGreaterThanOrEqualTo(orders.size());
                    });
        } finally {
            cluster.cluster().kafka().startAndAwait();
        }

        awaitConfirmed(orders);
        assertPaidExactlyOnce(orders);
        awaitSettled();
        assertThat(health("/actuator/health").at("/components/kafka/status").asText())
                .isEqualTo("UP");
    }

    /** The shop process's health endpoint as the operations role sees it (with its components). */
    private static JsonNode health(String path) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(cluster.cluster().url(SplitCluster.SHOP) + path))
                .header("Authorization", "Bearer " + cluster.cluster().token("olivia"))
                .build();
        return new ObjectMapper()
                .readTree(HttpClient.newHttpClient()
                        .send(request, HttpResponse.BodyHandlers.ofString())
                        .body());
    }

    private static List<URI> place(int orders) {
        var placed = new ArrayList<URI>();
        for (int i = 0; i < orders; i++) {
            placed.add(shop.place(ONE_STICKER_PACK));
        }
        return placed;
    }

    private static void awaitConfirmed(List<URI> orders) {
        await().atMost(RECOVERY)
                .untilAsserted(() -> assertThat(orders)
                        .allSatisfy(order -> assertThat(shop.order(order)).containsEntry("status", "CONFIRMED")));
    }

    private static void awaitSettled() {
        var registries = List.of(
                cluster.database(SplitCluster.SHOP),
                cluster.database(SplitCluster.PAYMENTS),
                cluster.database(SplitCluster.NOTIFICATIONS));
        await().atMost(RECOVERY)
                .until(() -> registries.stream()
                                .mapToLong(EventPublications::incomplete)
                                .sum()
                        == 0);
    }

    /**
     * Paid once: the payment is authorised with the one approval the gateway gave for the order,
     * the order's timeline holds one authorisation, and payments announced one authorisation (a
     * message sent again carries the same payload; a second authorisation would not).
     */
    private static void assertPaidExactlyOnce(List<URI> orders) {
        var announced = distinctPayloadsByKey("payments.PaymentAuthorized.v1");
        var payments = shop.paymentsData();
        for (var order : orders) {
            var id = shop.idOf(order);
            assertThat(shop.paymentStatus(order)).isEqualTo("AUTHORIZED");
            assertThat(payments.sql("""
                                    SELECT count(*) FROM payments.simulated_authorization g
                                    JOIN payments.payment p ON p.order_id = g.order_id AND p.gateway_reference = g.reference
                                    WHERE g.order_id = ?::uuid AND g.approved""").param(id).query(Long.class).single())
                    .as("the gateway's one approval of order %s is the payment's", id)
                    .isEqualTo(1);
            assertThat(shop.timeline(order))
                    .filteredOn("PAYMENT_AUTHORIZED"::equals)
                    .hasSize(1);
            assertThat(announced.get(id))
                    .as("PaymentAuthorized messages of order %s", id)
                    .hasSize(1);
        }
    }

    private static Map<String, Set<String>> distinctPayloadsByKey(String topic) {
        var byKey = new HashMap<String, Set<String>>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", cluster.cluster().kafka().bootstrapServers(),
                "key.deserializer", StringDeserializer.class,
                "value.deserializer", StringDeserializer.class))) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    byKey.computeIfAbsent(record.key(), key -> new HashSet<>()).add(record.value());
                }
            }
        }
        return byKey;
    }

    /**
     * Waits until the group has this many members and they share every partition of its topics
     * between them. A process reads with {@link #CONSUMERS_PER_PROCESS} consumers, so with two
     * replicas some consumers may have no partition: payments reads 2 topics of 3 partitions.
     */
    private static void awaitGroupMembers(String group, int members) {
        try (var admin = Admin.create(
                Map.of("bootstrap.servers", cluster.cluster().kafka().bootstrapServers()))) {
            await().atMost(RECOVERY).untilAsserted(() -> {
                var description =
                        admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                assertThat(description.members()).hasSize(members);
                assertThat(description.members().stream()
                                .flatMap(member -> member.assignment().topicPartitions().stream())
                                .distinct())
                        .as("every partition of the group's topics is read")
                        .hasSize(PAYMENTS_PARTITIONS);
            });
        }
    }

    /**
     * Which replicas read the partitions of OrderReserved: {@code true} for the replica whose
     * consumers' client ids start with its name, {@code false} for the first one.
     */
    private static Set<Boolean> orderReservedReaders(String replica) throws Exception {
        try (var admin = Admin.create(
                Map.of("bootstrap.servers", cluster.cluster().kafka().bootstrapServers()))) {
            var members = admin.describeConsumerGroups(List.of(SplitCluster.PAYMENTS))
                    .all()
                    .get()
                    .get(SplitCluster.PAYMENTS)
                    .members();
            var readers = new HashSet<Boolean>();
            for (var member : members) {
                if (member.assignment().topicPartitions().stream()
                        .anyMatch(partition -> partition.topic().startsWith("orders.OrderReserved"))) {
                    readers.add(member.clientId().startsWith(replica + "-"));
                }
            }
            return readers;
        }
    }

    /** The orders whose payment this process's log records. */
    private static Set<String> paymentsLoggedIn(Path log, List<URI> orders) throws IOException {
        var text = Files.readString(log);
        var paid = new HashSet<String>();
        for (var order : orders) {
            var id = shop.idOf(order);
            if (text.contains("Payment of order " + id)) {
                paid.add(id);
            }
        }
        return paid;
    }
}
