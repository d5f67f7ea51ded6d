package io.seams.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.seams.shop.testing.OtlpReceiver;
import io.seams.shop.testing.Tokens;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * One order, followed in a collector: with an OTLP endpoint configured, the order's trace arrives
 * there and holds a span for every module the order crossed — the request, the price lookup and
 * each module's event listener — all under the trace id the caller sent. The same entries are
 * timed in the metrics, each with its module and how it was entered.
 *
 * <p>Run by failsafe, where it is the only application context in its JVM: Spring Modulith 2.0.3
 * caches its module interceptors statically, so in a JVM that started another context first they
 * report to that context's tracer (a test-suite artefact; a deployed process has one context).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.tracing.sampling.probability=1.0"})
@AutoConfigureRestTestClient
class TracingIT {

    static final OtlpReceiver collector = OtlpReceiver.start();

    @DynamicPropertySource
    static void exportTo(DynamicPropertyRegistry properties) {
        properties.add("management.opentelemetry.tracing.export.otlp.endpoint", collector::endpoint);
        properties.add("management.opentelemetry.tracing.export.schedule-delay", () -> "200ms");
    }

    @AfterAll
    static void stopCollector() {
        collector.close();
    }

    @Autowired
    RestTestClient http;

    @Autowired
    ApplicationContext context;

    @Test
    void theTraceOfOneOrderHasASpanForEveryModuleItCrossed() {
        var shop = Shop.monolith(http, context);
        var traceId = HexFormat.of().formatHex(randomBytes(16));
        var order = shop.place(
                """
                        {"lines":[{"sku":"NOTEBOOK-A5","quantity":1}]}""",
                headers -> headers.set(
                        "traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01"));
        shop.awaitStatus(order, "CONFIRMED");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(modulesIn(traceId))
                        .contains(
                                "catalog", "orders", "inventory", "payments", "tracking", "notifications", "shipping"));
        System.out.printf(
                "Tracing: order %s -> %d spans in trace %s, modules %s%n",
                shop.idOf(order), collector.spansOf(traceId).size(), traceId, modulesIn(traceId));
    }

    @Test
    void everyEntryIntoAModuleIsTimedWithOneSetOfLabels() {
        // Spring Modulith labels an event listener's entry with module.invocation-type and any other
        // entry without it; Prometheus keeps only the first set of labels a metric name was seen with,
        // so the other entries went uncounted (ModuleEntryConvention).
        var shop = Shop.monolith(http, context);
        var olivia = Tokens.as(http, context, "olivia");
        shop.awaitStatus(shop.place("""
                {"lines":[{"sku":"NOTEBOOK-A5","quantity":1}]}"""), "CONFIRMED");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(olivia.get()
                                .uri("/actuator/prometheus")
                                .exchange()
                                .returnResult(String.class)
                                .getResponseBody())
                        .containsPattern(LABELLED.formatted("seconds_count", "event-listener"))
                        .containsPattern(LABELLED.formatted("seconds_count", "api"))
                        .containsPattern(LABELLED.formatted("active_seconds_count", "api")));
    }

    /** A module_requests series of one module, labelled with how the module was entered. */
    static final String LABELLED =
            "module_requests_%s\\{(?=[^}]*module_key=\"[a-z]+\")[^}]*module_invocation_type=\"%s\"";

    private static TreeSet<String> modulesIn(String traceId) {
        var modules = new TreeSet<String>();
        collector.spansOf(traceId).stream()
                .map(span -> span.attributes().get("module.key"))
                .filter(Objects::nonNull)
                .forEach(modules::add);
        return modules;
    }

    private static byte[] randomBytes(int count) {
        var bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
