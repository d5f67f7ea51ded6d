package io.seams.shop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.tracing.Tracer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * In the {@code prod} profile every log line is one JSON object (Elastic Common Schema) that a log
 * pipeline parses without a grok pattern, and carries the trace id of the request it belongs to.
 * The default profile keeps readable text lines.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // prod expects an identity provider and a mail relay; none is called in this test.
            "seams.security.jwk-set-uri=http://127.0.0.1:9/jwks",
            "spring.mail.host=127.0.0.1",
            // prod runs the payment simulator only when asked; no real provider here.
            "seams.payments.simulator.enabled=true"
        })
@ActiveProfiles("prod")
@AutoConfigureRestTestClient
@ExtendWith(OutputCaptureExtension.class)
class ProductionLogsTests {

    private static final Logger log = LoggerFactory.getLogger(ProductionLogsTests.class);

    @Autowired
    RestTestClient http;

    @Autowired
    Tracer tracer;

    @Test
    void everyLineIsAJsonObjectCarryingItsTraceId(CapturedOutput output) {
        var span = tracer.nextSpan().name("a unit of work").start();
        try (var scope = tracer.withSpan(span)) {
            log.info("Working on behalf of a request");
        } finally {
            span.end();
        }
        http.get().uri("/api/orders").exchange().expectStatus().isUnauthorized();

        var mapper = new ObjectMapper();
        var lines = Arrays.stream(output.getOut().split("\\R"))
                .filter(line -> !line.isBlank())
                .toList();
        assertThat(lines).isNotEmpty();
        var parsed = lines.stream().map(line -> parse(mapper, line)).toList();
        assertThat(parsed)
                .allSatisfy(line -> assertThat(line.has("@timestamp") && line.has("message"))
                        .isTrue());
        assertThat(parsed).anySatisfy(line -> {
            assertThat(line.path("message").asText()).isEqualTo("Working on behalf of a request");
            assertThat(line.path("traceId").asText()).isEqualTo(span.context().traceId());
        });
    }

    private static JsonNode parse(ObjectMapper mapper, String line) {
        try {
            return mapper.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("Not a JSON log line: " + line, e);
        }
    }
}
