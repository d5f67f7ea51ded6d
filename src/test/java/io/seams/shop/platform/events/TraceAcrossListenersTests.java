package io.seams.shop.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.seams.shop.Shop;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * One order is followed by its trace id: the work its events cause runs on the listeners' pool, on
 * other threads, and still in the trace (and for the caller) of the request that placed it — in the
 * logs as in the traces. (TracingIT shows the spans in a collector; this needs none.)
 */
@Tag("ex-11")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@ExtendWith(OutputCaptureExtension.class)
class TraceAcrossListenersTests {

    @Autowired
    RestTestClient http;

    @Autowired
    ApplicationContext context;

    @Autowired
    Tracer tracer;

    @Test
    void aTaskOnTheListenersPoolRunsInTheTraceOfTheWorkThatHandedItOver(
            @Autowired ObservationRegistry observations,
            @Autowired @Qualifier(EventExecution.LISTENERS) ThreadPoolTaskExecutor listeners)
            throws Exception {
        var work = Observation.start("handing work to a listener", observations);
        try (var scope = work.openScope()) {
            var trace = tracer.currentSpan().context().traceId();

            var seen = listeners
                    .submit(() -> Optional.ofNullable(tracer.currentSpan())
                            .map(span -> span.context().traceId())
                            .orElse("no trace at all"))
                    .get(10, TimeUnit.SECONDS);

            assertThat(seen)
                    .as("the trace a task on the listeners' pool (%s) runs in", EventExecution.LISTENERS)
                    .isEqualTo(trace);
        } finally {
            work.stop();
        }
    }

    @Test
    void thePaymentOfAnOrderIsLoggedUnderTheTraceAndTheCallerTheClientSent(CapturedOutput output) {
        var shop = Shop.monolith(http, context);
        var trace = HexFormat.of().formatHex(randomBytes(16));

        var order = shop.place("""
                {"lines":[{"sku":"NOTEBOOK-A5","quantity":1}]}""", headers -> {
            headers.set("traceparent", "00-" + trace + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01");
            headers.set("baggage", "caller=grace");
        });
        shop.awaitStatus(order, "CONFIRMED");

        // Payments logs the gateway's answer on a listener thread, before the order can be confirmed.
        // The line is plain ([traceId,spanId,caller]) or, after a context that turned on structured
        // logging in this JVM, JSON ("traceId": ..., "caller": ...): either way it names both.
        var payment = output.getOut()
                .lines()
                .filter(line -> line.contains("Payment of order " + shop.idOf(order)))
                .findFirst();
        assertThat(payment).as("the line payments logs for the order").isPresent();
        assertThat(payment.get())
                .as("the line payments logs for the order, on a listener thread: [traceId,spanId,caller]")
                .containsPattern("\\[" + trace + ",|\"traceId\":\"" + trace + "\"")
                .containsPattern(",grace\\]|\"caller\":\"grace\"");
    }

    private static byte[] randomBytes(int count) {
        var bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
