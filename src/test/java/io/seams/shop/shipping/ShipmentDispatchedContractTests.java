package io.seams.shop.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.customers.ShippingAddress;
import io.seams.shop.orders.OrderId;
import io.seams.shop.shipping.domain.Shipment;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.modulith.events.Externalized;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the consumers of shipping.ShipmentDispatched.v1 read. They were built against its JSON and
 * are deployed on their own schedule: consumers outside Seams (docs/api/asyncapi.yaml), and Seams'
 * own processes of the previous release during a rolling deployment. A dispatch publishes to the
 * topic what they read, and a record the previous release wrote still reads back whole. Events are
 * told apart by topic (their {@code @Externalized} name), never by class.
 */
@Tag("ex-09")
class ShipmentDispatchedContractTests {

    static final String V1 = "shipping.ShipmentDispatched.v1";
    static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    static final ShippingAddress ADDRESS = new ShippingAddress("Ada Lovelace", "12 Square", "SW1", "London", "GB");

    /** JSON as Seams writes and reads its Kafka records: Jackson with the modules on the class path. */
    static final JsonMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** shipping.ShipmentDispatched.v1 as a consumer built against it reads it. */
    record DispatchedV1(UUID orderId, UUID shipmentId, String carrier, String trackingNumber, Instant occurredAt) {}

    @Test
    void aV1ConsumerReadsWhatADispatchPublishes() {
        var order = OrderId.random();
        var shipment = Shipment.prepare(order, CustomerId.DEMO, ADDRESS, NOW);
        shipment.dispatch("DHL", "JD0146", NOW);

        var published = publishedTo(V1, shipment.drainEvents());

        assertThat(published).as("events a dispatch publishes to %s", V1).hasSize(1);
        assertThat(JSON.readValue(JSON.writeValueAsString(published.get(0)), DispatchedV1.class))
                .as("what a consumer of %s reads", V1)
                .isEqualTo(new DispatchedV1(order.id(), shipment.getId().id(), "DHL", "JD0146", NOW));
    }

    @Test
    void aV1RecordOfThePreviousReleaseReadsBackWhole() {
        var record = """
                {"orderId":"2f1c6a4e-0d4b-4c55-9a63-8f0e2b7d9c11","shipmentId":"7b0e5d2a-3c1f-4e8b-b6a4-1d9f0c2e8a55",\
                "carrier":"DHL","trackingNumber":"JD0146","occurredAt":"2026-11-25T10:15:30Z"}""";

        var event = JSON.readValue(record, eventOf(V1));

        assertThat(JSON.readTree(JSON.writeValueAsString(event)))
                .as("a %s record of the previous release, read by this one and written again", V1)
                .isEqualTo(JSON.readTree(record));
    }

    /** The events among these that go to the topic. */
    static List<Object> publishedTo(String topic, List<Object> events) {
        return events.stream()
                .filter(event -> topic.equals(topicOf(event.getClass())))
                .toList();
    }

    /** The event class whose records go to the topic, as the inbox reads them. */
    static Class<?> eventOf(String topic) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Externalized.class));
        return scanner.findCandidateComponents(ShipmentDispatchedContractTests.class.getPackageName()).stream()
                .map(candidate -> ClassUtils.resolveClassName(
                        candidate.getBeanClassName(), ShipmentDispatchedContractTests.class.getClassLoader()))
                .filter(type -> topic.equals(topicOf(type)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no event class is published to " + topic));
    }

    private static String topicOf(Class<?> type) {
        var externalized = type.getAnnotation(Externalized.class);
        return externalized == null ? null : externalized.value().split("::")[0];
    }
}
