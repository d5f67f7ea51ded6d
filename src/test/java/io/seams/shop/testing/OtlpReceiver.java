package io.seams.shop.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real OTLP/HTTP trace receiver on 127.0.0.1: it accepts what an OpenTelemetry exporter posts to
 * {@code /v1/traces} and decodes the protobuf just far enough to see each span's trace id, name and
 * string attributes. Stands in for a collector (Jaeger, Tempo, the OpenTelemetry Collector).
 */
public final class OtlpReceiver implements AutoCloseable {

    /** One received span. */
    public record Span(String traceId, String name, Map<String, String> attributes) {}

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    public static OtlpReceiver start() {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            var receiver = new OtlpReceiver(server);
            server.createContext("/v1/traces", exchange -> {
                try (exchange) {
                    receiver.spans.addAll(
                            decodeRequest(exchange.getRequestBody().readAllBytes()));
                    exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                    exchange.sendResponseHeaders(200, -1);
                }
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where an exporter sends its spans: {@code http://127.0.0.1:<port>/v1/traces}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    public List<Span> spansOf(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    // ResourceSpans { repeated ScopeSpans scope_spans = 2; }  ScopeSpans { repeated Span spans = 2; }
    // Span { bytes trace_id = 1; string name = 5; repeated KeyValue attributes = 9; }
    // KeyValue { string key = 1; AnyValue value = 2; }  AnyValue { string string_value = 1; }
    static List<Span> decodeRequest(byte[] body) {
        var spans = new ArrayList<Span>();
        for (var resourceSpans : new Message(body).all(1)) {
            for (var scopeSpans : resourceSpans.all(2)) {
                for (var span : scopeSpans.all(2)) {
                    var attributes = new LinkedHashMap<String, String>();
                    for (var keyValue : span.all(9)) {
                        keyValue.first(2)
                                .flatMap(value -> value.first(1))
                                .ifPresent(value -> attributes.put(keyValue.string(1), value.asString()));
                    }
                    spans.add(
                            new Span(HexFormat.of().formatHex(span.bytes(1)), span.string(5), Map.copyOf(attributes)));
                }
            }
        }
        return spans;
    }

    /** The length-delimited fields of one protobuf message, by field number; other wire types are skipped. */
    private record Message(byte[] data) {

        List<Message> all(int field) {
            var found = new ArrayList<Message>();
            var in = new Reader(data);
            while (in.more()) {
                long tag = in.varint();
                int number = (int) (tag >>> 3);
                switch ((int) (tag & 7)) {
                    case 0 -> in.varint();
                    case 1 -> in.skip(8);
                    case 5 -> in.skip(4);
                    case 2 -> {
                        byte[] value = in.bytes((int) in.varint());
                        if (number == field) {
                            found.add(new Message(value));
                        }
                    }
                    default -> throw new IllegalStateException("Unsupported wire type in " + tag);
                }
            }
            return found;
        }

        Optional<Message> first(int field) {
            return all(field).stream().findFirst();
        }

        byte[] bytes(int field) {
            return first(field).map(Message::data).orElse(new byte[0]);
        }

        String string(int field) {
            return first(field).map(Message::asString).orElse("");
        }

        String asString() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private static final class Reader {

        private final byte[] data;
        private int position;

        Reader(byte[] data) {
            this.data = data;
        }

        boolean more() {
            return position < data.length;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = data[position++];
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }

        void skip(int count) {
            position += count;
        }

        byte[] bytes(int length) {
            position += length;
            return Arrays.copyOfRange(data, position - length, position);
        }
    }
}
