package io.seams.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Places orders over the shop's REST API the way a client would: {@code POST /api/orders} with a
 * bearer token — staff's, ordering for the benchmark's customers in turn (an order takes a lock
 * on its customer, so one customer's concurrent orders would queue on it). Every order asks for
 * two of the benchmark's products, chosen in turn, so that orders spread over many stock rows
 * (see {@link Catalogue}). Remembers the id of every order it placed.
 */
final class ShopClient {

    private final HttpClient http;
    private final URI orders;
    private final String token;
    private final List<String> customers;
    private final AtomicLong sequence = new AtomicLong();
    private final Queue<String> placed = new ConcurrentLinkedQueue<>();
    private final java.util.concurrent.ConcurrentMap<String, Long> sentMicros =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentMap<String, AtomicLong> answers =
            new java.util.concurrent.ConcurrentHashMap<>();

    ShopClient(String shopUrl, String staffToken, List<String> customers) {
        this.http = client();
        this.orders = URI.create(shopUrl + "/api/orders");
        this.token = staffToken;
        this.customers = List.copyOf(customers);
    }

    /** Registers {@code count} customers ({@code POST /api/customers}, as staff) and answers their ids. */
    static List<String> registerCustomers(String shopUrl, String staffToken, int count)
            throws IOException, InterruptedException {
        var http = client();
        var ids = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            var body = """
                    {"name":"Bench Customer %1$d","email":"bench-%1$d@example.com",
                     "address":{"street":"%1$d Load Street","postalCode":"10115","city":"Berlin","country":"DE"}}""".formatted(i);
            var request = HttpRequest.newBuilder(URI.create(shopUrl + "/api/customers"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + staffToken)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException(
                        "Registering a customer answered " + response.statusCode() + ": " + response.body());
            }
            ids.add(idOf(response.headers().firstValue("Location").orElseThrow()));
        }
        return ids;
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Places one order; completes with {@code true} when it was accepted ({@code 201 Created}). */
    CompletableFuture<Boolean> place() {
        var n = sequence.getAndIncrement();
        var first = Catalogue.sku((int) (n % Catalogue.PRODUCTS));
        var second = Catalogue.sku((int) ((n * 7 + 3) % Catalogue.PRODUCTS));
        if (second.equals(first)) {
            second = Catalogue.sku((int) ((n + 1) % Catalogue.PRODUCTS));
        }
        var customer = customers.get((int) (n % customers.size()));
        var body = """
                {"customerId":"%s","lines":[{"sku":"%s","quantity":1},{"sku":"%s","quantity":2}]}""".formatted(customer, first, second);
        var sent = epochMicros();
        var request = HttpRequest.newBuilder(orders)
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            if (error != null) {
                count("no answer");
                return false;
            }
            var status = response.statusCode();
            count(String.valueOf(status));
            if ((status == 503 || status == 429)
                    && response.headers().firstValue("Retry-After").isPresent()) {
                count(status + " with Retry-After");
            }
            if (status != 201) {
                return false;
            }
            response.headers().firstValue("Location").ifPresent(location -> {
                placed.add(idOf(location));
                sentMicros.put(idOf(location), sent);
            });
            return true;
        });
    }

    /** When the request that placed each order was sent (epoch microseconds), by order id. */
    Map<String, Long> sentMicros() {
        return sentMicros;
    }

    static long epochMicros() {
        var now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    private void count(String answer) {
        answers.computeIfAbsent(answer, key -> new AtomicLong()).incrementAndGet();
    }

    /**
     * How the requests were answered since the last call, by HTTP status ({@code "201"}, {@code
     * "503"}…; {@code "503 with Retry-After"} counts those of them that said when to retry; {@code
     * "no answer"} the requests that failed without one), and forgets them.
     */
    Map<String, Long> drainAnswers() {
        var counts = new java.util.TreeMap<String, Long>();
        answers.forEach((answer, count) -> counts.put(answer, count.getAndSet(0)));
        counts.values().removeIf(count -> count == 0);
        return counts;
    }

    /** Requests shed by admission control in {@code answers}: {@code 503} or {@code 429}. */
    static long shed(Map<String, Long> answers) {
        return answers.getOrDefault("503", 0L) + answers.getOrDefault("429", 0L);
    }

    /** The ids of the orders placed since the last call, and forgets them. */
    List<String> drainPlaced() {
        var ids = new ArrayList<String>();
        for (String id; (id = placed.poll()) != null; ) {
            ids.add(id);
        }
        return ids;
    }

    private static String idOf(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
