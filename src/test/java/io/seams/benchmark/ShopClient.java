package io.seams.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Places orders over the shop's REST API as a demo customer, the way a client would: {@code POST
 * /api/orders} with a bearer token. Every order asks for two of the benchmark's products, chosen
 * in turn, so that orders spread over many stock rows (see {@link Catalogue}). Remembers the id
 * of every order it placed.
 */
final class ShopClient {

    private final HttpClient http;
    private final URI orders;
    private final String token;
    private final AtomicLong sequence = new AtomicLong();
    private final Queue<String> placed = new ConcurrentLinkedQueue<>();

    ShopClient(String shopUrl, String token) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.orders = URI.create(shopUrl + "/api/orders");
        this.token = token;
    }

    /** Places one order; completes with {@code true} when it was accepted ({@code 201 Created}). */
    CompletableFuture<Boolean> place() {
        var n = sequence.getAndIncrement();
        var first = Catalogue.sku((int) (n % Catalogue.PRODUCTS));
        var second = Catalogue.sku((int) ((n * 7 + 3) % Catalogue.PRODUCTS));
        if (second.equals(first)) {
            second = Catalogue.sku((int) ((n + 1) % Catalogue.PRODUCTS));
        }
        var body = """
                {"lines":[{"sku":"%s","quantity":1},{"sku":"%s","quantity":2}]}""".formatted(first, second);
        var request = HttpRequest.newBuilder(orders)
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(response -> {
            if (response.statusCode() != 201) {
                return false;
            }
            response.headers().firstValue("Location").ifPresent(location -> placed.add(idOf(location)));
            return true;
        });
    }

    /** The ids of the orders placed since the last call, and forgets them. */
    java.util.List<String> drainPlaced() {
        var ids = new java.util.ArrayList<String>();
        for (String id; (id = placed.poll()) != null; ) {
            ids.add(id);
        }
        return ids;
    }

    private static String idOf(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
