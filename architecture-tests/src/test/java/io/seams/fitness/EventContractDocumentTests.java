package io.seams.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.fitness.fixtures.clean.CleanApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class EventContractDocumentTests {

    static final ModularApplication app = ModularApplication.of(CleanApplication.class)
            .withSources(Fixtures.path("src/test/java"), Fixtures.path("src/test/java"));
    static final EventContractDocument.Settings settings = new EventContractDocument.Settings(
            "Fixture events",
            "1.0.0",
            "The fixture's events.",
            "localhost:9092",
            Map.of(),
            "A broker.",
            List.of(new EventContractDocument.Header(
                    "traceparent", true, true, "W3C trace context.", Map.of("type", "string"))));

    @Test
    @SuppressWarnings("unchecked")
    void describesEachExternalisedEventAsAChannelWithItsKeyAndPayload() {
        var document = EventContractDocument.generate(app, settings);

        assertThat(document).containsEntry("asyncapi", "3.0.0");
        assertThat((Map<String, Object>) document.get("channels")).containsOnlyKeys("ordering.Ordered.v1");
        assertThat((Map<String, Object>) document.get("operations")).containsOnlyKeys("send-ordering.Ordered.v1");
        var message = ((Map<String, Map<String, Map<String, Object>>>) document.get("components"))
                .get("messages")
                .get("ordering.Ordered.v1");
        var payload = (Map<String, Object>) message.get("payload");
        assertThat(EventContractDocument.shapeOf(payload))
                .isEqualTo(EventContractLock.currentShapes(app).get("ordering.Ordered.v1"));
        assertThat(payload.get("required")).isEqualTo(List.of("order", "skus"));
        assertThat(((Map<String, Map<String, Object>>) payload.get("properties")).get("order"))
                .containsEntry("type", "string")
                .containsEntry("format", "uuid");
        var kafka = ((Map<String, Map<String, Object>>) message.get("bindings")).get("kafka");
        assertThat((Map<String, Object>) kafka.get("key")).containsEntry("format", "uuid");
        assertThat(message).containsEntry("x-seams-contract-version", "1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void findsWhatAValueDoesNotMatch() {
        var payload = (Map<String, Object>) ((Map<String, Map<String, Map<String, Object>>>)
                        EventContractDocument.generate(app, settings).get("components"))
                .get("messages")
                .get("ordering.Ordered.v1")
                .get("payload");
        var json = JsonMapper.builder().build();

        assertThat(EventContractDocument.problems(
                        payload,
                        json.readTree("{\"order\":\"00000000-0000-4000-8000-000000000001\",\"skus\":[\"A\"]}"),
                        "$"))
                .isEmpty();
        assertThat(EventContractDocument.problems(
                        payload, json.readTree("{\"order\":\"not-a-uuid\",\"skus\":[1]}"), "$"))
                .containsExactly("$.order: 'not-a-uuid' is not a uuid", "$.skus[0]: 1 is not of type string");
        assertThat(EventContractDocument.problems(payload, json.readTree("{\"skus\":[]}"), "$"))
                .containsExactly("$: the required property 'order' is missing");

        var closed = new java.util.LinkedHashMap<>(payload);
        closed.put("additionalProperties", false);
        assertThat(EventContractDocument.problems(
                        closed,
                        json.readTree("{\"order\":\"00000000-0000-4000-8000-000000000001\",\"skus\":[],\"extra\":1}"),
                        "$"))
                .containsExactly("$: the property 'extra' is not in the schema");
    }

    @Test
    void aDocumentTheEventsNoLongerGiveFailsUntilItIsRegenerated(@TempDir Path folder) throws Exception {
        var file = folder.resolve("asyncapi.yaml");
        EventContractDocument.write(app, settings, file);
        Violations.assertNone(EventContractDocument.documentMatchesTheEvents(app, settings, file), app.classes());

        Files.writeString(file, Files.readString(file).replace("format: uuid", "format: date-time"));

        Violations.assertExactly(
                EventContractDocument.documentMatchesTheEvents(app, settings, file),
                app.classes(),
                "is not the document the events give (line 47 is 'format: date-time', the events give 'format: uuid')."
                        + " Regenerate it with: " + EventContractLock.UPDATE_COMMAND);
    }
}
