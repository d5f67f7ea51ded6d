package io.seams.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.seams.fitness.EventContractDocument;
import io.seams.shop.testing.KafkaBroker;
import io.seams.shop.testing.TestDatabases;
import io.seams.shop.testing.Tokens;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inventory extracted: one process hosts every module but inventory, another hosts inventory, each
 * on a database of its own; the events between them cross a real Kafka broker process. An order
 * placed on the first is reserved by the second and comes back confirmed. A record Seams sent is
 * checked against the AsyncAPI document (docs/api/asyncapi.yaml): key, headers and JSON value.
 */
class EventsOverKafkaTests {

    static final ParameterizedTypeReference<Map<String, Object>> ORDER = new ParameterizedTypeReference<>() {};

    static final Path ASYNCAPI = Path.of("docs", "api", "asyncapi.yaml");

    static KafkaBroker kafka;
    static ConfigurableApplicationContext shop;
    static ConfigurableApplicationContext inventory;

    @BeforeAll
    static void startTheBrokerAndBothProcesses() throws Exception {
        kafka = KafkaBroker.start();
        shop = start("catalog,customers,orders,payments,shipping,notifications,tracking", "shop");
        inventory = start("inventory", "inventory");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (var context : new ConfigurableApplicationContext[] {shop, inventory}) {
            if (context != null) {
                context.close();
            }
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void anOrderIsReservedByTheExtractedInventoryAndConfirmed() throws Exception {
        var http = RestClient.builder()
                .baseUrl("http://localhost:" + shop.getEnvironment().getProperty("local.server.port"))
                .defaultHeader("Authorization", "Bearer " + Tokens.of(shop, "ada"))
                // W3C baggage naming the caller: it travels on with the events (docs/api/asyncapi.yaml).
                .defaultHeader("baggage", "caller=ada")
                .build();
        var inventoryDatabase = inventory.getBean(JdbcClient.class);
        var mugs = availableMugs(inventoryDatabase);

        var order = http.post()
                .uri("/api/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"lines":[{"sku":"MUG-CLASSIC","quantity":2}]}""")
                .retrieve()
                .toBodilessEntity()
                .getHeaders()
                .getLocation();

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() ->
                        assertThat(http.get().uri(order).retrieve().body(ORDER)).containsEntry("status", "CONFIRMED"));
        assertThat(availableMugs(inventoryDatabase)).isEqualTo(mugs - 2);
        for (var process : List.of(shop, inventory)) {
            assertThat(process.getBean("eventExternalizationExecutor", ThreadPoolTaskExecutor.class)
                            .getThreadPoolExecutor()
                            .getCompletedTaskCount())
                    .as("events are handed to Kafka on a pool of their own, not on the listeners' threads")
                    .isPositive();
        }
        assertThat(inventoryDatabase
                        .sql("SELECT count(*) FROM events.inbox WHERE topic = 'orders.OrderPlaced.v1'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        aMessageDeliveredAgainIsDroppedByTheInbox(inventoryDatabase, mugs - 2);
        try (var admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            var inventoryGroup = admin.describeConsumerGroups(List.of("inventory"))
                    .all()
                    .get()
                    .get("inventory");
            assertThat(inventoryGroup.members().stream()
                            .flatMap(member -> member.assignment().topicPartitions().stream())
                            .map(TopicPartition::topic)
                            .distinct())
                    .as("inventory reads the topics of the events its listeners take, and no others")
                    .containsExactlyInAnyOrder(
                            "orders.OrderPlaced.v1", "orders.OrderCancelled.v1", "shipping.ShipmentDispatched.v1");
        }
        assertThat(shop.getBean(JdbcClient.class)
                        .sql("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'inventory'")
                        .query(Long.class)
                        .single())
                .as("the shop's database holds no inventory schema")
                .isZero();
    }

    /** Sends the same OrderPlaced record again, waits until inventory has read past it: nothing changes. */
    private static void aMessageDeliveredAgainIsDroppedByTheInbox(JdbcClient inventoryDatabase, int mugs)
            throws Exception {
        var topic = "orders.OrderPlaced.v1";
        var config = Map.<String, Object>of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "key.deserializer", ByteArrayDeserializer.class,
                "value.deserializer", ByteArrayDeserializer.class,
                "key.serializer", ByteArraySerializer.class,
                "value.serializer", ByteArraySerializer.class,
                "auto.offset.reset", "earliest",
                "group.id", "test-replay");
        ConsumerRecord<byte[], byte[]> original;
        try (var consumer = new KafkaConsumer<byte[], byte[]>(config)) {
            consumer.subscribe(List.of(topic));
            original = await().atMost(Duration.ofSeconds(30))
                    .until(() -> consumer.poll(Duration.ofMillis(500)), records -> !records.isEmpty())
                    .iterator()
                    .next();
        }
        theRecordIsAsDocumented(original);
        theExampleConsumerReadsIt(original);
        try (var producer = new KafkaProducer<byte[], byte[]>(config)) {
            producer.send(new ProducerRecord<>(topic, original.key(), original.value()))
                    .get();
        }
        try (var admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> admin.listConsumerGroupOffsets("inventory")
                                    .partitionsToOffsetAndMetadata()
                                    .get()
                                    .get(new TopicPartition(topic, original.partition()))
                                    .offset()
                            == 2);
        }
        assertThat(inventoryDatabase
                        .sql("SELECT count(*) FROM events.inbox WHERE topic = 'orders.OrderPlaced.v1'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(availableMugs(inventoryDatabase)).isEqualTo(mugs);
    }

    /**
     * The record Seams sent is the one docs/api/asyncapi.yaml describes: its topic is a channel, and
     * its key, headers and JSON value match that channel's message. A header the document does not
     * list fails it too: consumers outside Seams read the topics with the document.
     */
    @SuppressWarnings("unchecked")
    private static void theRecordIsAsDocumented(ConsumerRecord<byte[], byte[]> record) {
        var document = EventContractDocument.read(ASYNCAPI);
        var channel = ((Map<String, Map<String, Object>>) document.get("channels"))
                .values().stream()
                        .filter(candidate -> record.topic().equals(candidate.get("address")))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(record.topic() + " is not a channel of " + ASYNCAPI));
        var reference = (String) ((Map<String, Map<String, Object>>) channel.get("messages"))
                .values()
                .iterator()
                .next()
                .get("$ref");
        var components = (Map<String, Map<String, Map<String, Object>>>) document.get("components");
        var message = components.get("messages").get(reference.substring(reference.lastIndexOf('/') + 1));
        var json = JsonMapper.builder().build();
        var value = json.readTree(record.value());
        var key = new String(record.key(), StandardCharsets.UTF_8);
        var headers = new LinkedHashMap<String, String>();
        record.headers()
                .forEach(header -> headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8)));
        var headersSchema = components.get("schemas").get("Headers");
        var keySchema = ((Map<String, Map<String, Map<String, Object>>>) message.get("bindings"))
                .get("kafka")
                .get("key");

        assertThat(EventContractDocument.problems((Map<String, Object>) message.get("payload"), value, "value"))
                .as("the value of a record on %s against its documented payload", record.topic())
                .isEmpty();
        assertThat(EventContractDocument.problems(keySchema, json.valueToTree(key), "key"))
                .isEmpty();
        assertThat(key)
                .as("the key is the order id")
                .isEqualTo(value.get("orderId").asString());
        assertThat(EventContractDocument.problems(headersSchema, json.valueToTree(headers), "headers"))
                .isEmpty();
        assertThat(((Map<String, Object>) headersSchema.get("properties")).keySet())
                .as("every header Seams sends is in the document")
                .containsAll(headers.keySet());
        assertThat(headers).containsEntry("baggage", "caller=ada").containsEntry("caller", "ada");
    }

    /**
     * The example consumer quoted in docs/extraction.md (docs/api/consumers/order-placed.mjs,
     * Node.js with KafkaJS) reads the record from the broker. It needs node and {@code npm ci} in
     * docs/api, which .ci/run does; without them this part is skipped, and says so.
     */
    private static void theExampleConsumerReadsIt(ConsumerRecord<byte[], byte[]> record) throws Exception {
        var api = Path.of("docs", "api");
        assertThat(Files.readString(Path.of("docs", "extraction.md")))
                .as("docs/extraction.md quotes the example consumer as it is")
                .contains(Files.readString(api.resolve("consumers/order-placed.mjs")));
        var node = Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .map(folder -> Path.of(folder, "node"))
                .filter(Files::isExecutable)
                .findFirst();
        if (node.isEmpty() || !Files.isDirectory(api.resolve("node_modules/kafkajs"))) {
            System.out.println(
                    "Skipped the example consumer of docs/api/consumers: it needs node and npm ci in docs/api");
            return;
        }
        var builder = new ProcessBuilder(node.get().toString(), "consumers/order-placed.mjs")
                .directory(api.toFile())
                .redirectErrorStream(true);
        builder.environment().put("KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        builder.environment().put("GROUP_ID", "example-consumer");
        builder.environment().put("MAX_MESSAGES", "1");
        var consumer = builder.start();
        consumer.getOutputStream().close();
        if (!consumer.waitFor(60, TimeUnit.SECONDS)) {
            consumer.destroyForcibly();
            throw new AssertionError("The example consumer read nothing in 60 s: "
                    + new String(consumer.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        var output = new String(consumer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(consumer.exitValue()).as(output).isZero();
        var read = JsonMapper.builder()
                .build()
                .readTree(output.strip().lines().reduce((first, last) -> last).orElse("{}"));
        assertThat(read.path("orderId").asString())
                .as(output)
                .isEqualTo(new String(record.key(), StandardCharsets.UTF_8));
        assertThat(read.path("units").asInt()).isEqualTo(2);
        assertThat(read.path("total").asString()).isEqualTo("25.8 EUR");
        assertThat(read.path("traceparent").asString())
                .isEqualTo(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8));
    }

    private static int availableMugs(JdbcClient jdbc) {
        return jdbc.sql("SELECT available FROM inventory.stock WHERE sku = 'MUG-CLASSIC'")
                .query(Integer.class)
                .single();
    }

    private static ConfigurableApplicationContext start(String modules, String group) {
        var database = TestDatabases.fresh();
        // Arguments, not default properties: they must win over application.yaml.
        return new SpringApplicationBuilder(SeamsApplication.class)
                .run(
                        "--seams.topology.modules=" + modules,
                        "--seams.topology.consumer-group=" + group,
                        "--spring.modulith.events.externalization.enabled=true",
                        "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--spring.kafka.consumer.auto-offset-reset=earliest",
                        "--spring.kafka.listener.missing-topics-fatal=false",
                        "--server.port=0",
                        "--seams.mail.embedded.port=0",
                        // Each process checks the tokens it issued itself (by default only the one
                        // hosting customers issues tokens).
                        "--seams.security.embedded-authorization-server.enabled=true",
                        "--seams.security.embedded-authorization-server.accounts-directory="
                                + Tokens.accountsDirectory(),
                        "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password());
    }
}
