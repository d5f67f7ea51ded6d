package io.seams.shop.architecture;

import io.seams.fitness.EventContractDocument;
import io.seams.fitness.EventContractDocument.Header;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What Seams' AsyncAPI document (docs/api/asyncapi.yaml) says beyond the event classes: the
 * broker and the record headers. The headers are the ones EventsOverKafkaTests sees on a record
 * Seams really sent; it fails when a record carries one not listed here.
 */
public final class SeamsEventDocument {

    public static final Path PATH = Path.of("docs", "api", "asyncapi.yaml");

    public static final EventContractDocument.Settings SETTINGS = new EventContractDocument.Settings(
            "Seams events",
            "1.0.0",
            """
            The events Seams' modules publish to Kafka, for consumers outside Seams. Generated from the \
            event classes by `SeamsFitnessTests` (the same source as `src/test/resources/event-contracts.lock.json`); \
            do not edit it by hand.

            - **Topics.** One per event and contract version: the event's `@Externalized` name, such as \
            `orders.OrderPlaced.v1`. A field may be added within a version, so ignore fields you do not know; \
            a field is removed, renamed or retyped only under a new version, on a new topic.
            - **Key.** The aggregate id as UTF-8 text (`orderId`, `customerId`): one order's events share a \
            partition and keep their order.
            - **Value.** The event as UTF-8 JSON, described by each message's payload schema.
            - **Headers.** Only those marked *Contract* in `#/components/schemas/Headers` are Seams' contract \
            (`traceparent`, `baggage`, `caller`); the others are Spring's internals and may change in any release.
            - **Delivery.** At least once: a publication the broker did not acknowledge is sent again, so the \
            same record (same key and value) may arrive twice; drop a record you have seen before.
            - **Which events go out.** A Seams process sends an event to Kafka when a module hosted in another \
            process listens to it, or when its topic is named in `seams.topology.external-topics` of the process \
            that publishes it: name the topics you read there (docs/extraction.md).
            """,
            "{bootstrap}",
            Map.of(
                    "bootstrap",
                    Map.of(
                            "default",
                            "kafka:9092",
                            "description",
                            "The Kafka bootstrap server: kafka:9092 on the network of compose.yaml (not published"
                                    + " to the host), 127.0.0.1:9092 for ./mvnw -Dcluster=start, your cluster's otherwise.",
                            "examples",
                            List.of("kafka:9092", "127.0.0.1:9092"))),
            "The Kafka cluster the Seams processes share (spring.kafka.bootstrap-servers). PLAINTEXT, no authentication"
                    + " in compose.yaml; add credentials before you open it.",
            List.of(
                    new Header(
                            "traceparent",
                            true,
                            true,
                            "W3C Trace Context (https://www.w3.org/TR/trace-context/): the trace the event was sent in."
                                    + " Continue it to keep one trace from the HTTP request through Seams to your consumer.",
                            Map.of("type", "string", "pattern", "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$")),
                    new Header(
                            "baggage",
                            true,
                            false,
                            "W3C Baggage (https://www.w3.org/TR/baggage/), sent when the work that published the event"
                                    + " carried baggage; its `caller` entry names on whose behalf (e.g. `caller=ada`).",
                            Map.of("type", "string")),
                    new Header(
                            "caller",
                            true,
                            false,
                            "On whose behalf the work that published the event is done (a user name, e.g. `ada`): the"
                                    + " `caller` baggage entry, also sent on its own (management.tracing.baggage.remote-fields)."
                                    + " Sent when the work has a caller.",
                            Map.of("type", "string")),
                    new Header(
                            "__TypeId__",
                            false,
                            false,
                            "Spring Kafka's type id: the event's Java class name (e.g. `io.seams.shop.orders.OrderPlaced`)."
                                    + " Tell events apart by their topic, never by this class name.",
                            Map.of("type", "string")),
                    new Header(
                            "spring.message.key.type",
                            false,
                            false,
                            "Spring Kafka's note of the key's Java type (`java.lang.String`).",
                            Map.of("type", "string"))));

    private SeamsEventDocument() {}
}
