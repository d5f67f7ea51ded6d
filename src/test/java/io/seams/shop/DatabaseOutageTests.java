package io.seams.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.seams.shop.testing.KafkaBroker;
import io.seams.shop.testing.Tokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * PostgreSQL goes away for 20 s under load: requests fail fast with a 503 problem (never hang),
 * readiness reports down, and once the database is back the application recovers by itself and
 * every order it accepted is completed.
 */
class DatabaseOutageTests {

    static final Pattern ORDER_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final String ORDER = "{\"lines\":[{\"sku\":\"STICKER-PACK\",\"quantity\":1}]}";

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aDatabaseOutageFailsRequestsFastAndLosesNothing() throws Exception {
        var folder = Files.createTempDirectory("seams-outage");
        var port = KafkaBroker.freePort();
        var database = postgres(folder.resolve("data"), port);
        var accounts = folder.resolve("accounts");
        var seams = new SpringApplicationBuilder(SeamsApplication.class)
                .run(
                        "--server.port=0",
                        "--seams.mail.embedded.port=0",
                        "--seams.security.embedded-authorization-server.accounts-directory=" + accounts,
                        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--seams.events.resubmission.interval=PT1S",
                        "--seams.events.resubmission.min-age=PT1S",
                        "--spring.modulith.events.staleness.check-intervall=PT1S",
                        "--spring.modulith.events.staleness.processing=PT5S",
                        "--spring.modulith.events.staleness.published=PT5S");
        try {
            var base = "http://127.0.0.1:" + seams.getEnvironment().getProperty("local.server.port");
            var token = Tokens.of(base, "ada", Tokens.secretIn(accounts, "ada"));
            var accepted = new ArrayList<String>();
            for (int i = 0; i < 5; i++) {
                accepted.add(place(base, token).orderId());
            }

            database.close();
            var refused = new ArrayList<Long>();
            var outageStarted = Instant.now();
            await().during(Duration.ofSeconds(20))
                    .atMost(Duration.ofSeconds(40))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        var started = System.nanoTime();
                        var answer = place(base, token);
                        var millis = (System.nanoTime() - started) / 1_000_000;
                        refused.add(millis);
                        assertThat(answer.status()).isEqualTo(503);
                        assertThat(answer.body()).contains("urn:seams:problem:database-unavailable");
                        assertThat(millis).as("answered without hanging").isLessThan(5000);
                        assertThat(status(base + "/actuator/health/readiness")).isEqualTo(503);
                    });
            var outage = Duration.between(outageStarted, Instant.now());

            database = postgres(folder.resolve("data"), port);
            await().atMost(Duration.ofSeconds(30)).until(() -> status(base + "/actuator/health/readiness") == 200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> place(base, token).status() == 201);
            accepted.add(place(base, token).orderId());

            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(accepted)
                            .allSatisfy(order ->
                                    assertThat(statusOf(base, token, order)).isEqualTo("CONFIRMED")));
            System.out.printf(
                    "Database outage: %d s down, %d requests refused with 503 (slowest %d ms), %d orders accepted,"
                            + " %d completed, 0 lost%n",
                    outage.toSeconds(),
                    refused.size(),
                    refused.stream().mapToLong(Long::longValue).max().orElse(0),
                    accepted.size(),
                    accepted.size());
        } finally {
            seams.close();
            database.close();
        }
    }

    private static EmbeddedPostgres postgres(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
    }

    private record Answer(int status, String body) {
        String orderId() {
            var id = ORDER_ID.matcher(body);
            assertThat(status).as(body).isEqualTo(201);
            assertThat(id.find()).isTrue();
            return id.group(1);
        }
    }

    private Answer place(String base, String token) throws IOException, InterruptedException {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/orders"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(ORDER))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private int status(String url) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private String statusOf(String base, String token, String order) throws IOException, InterruptedException {
        var body = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/orders/" + order))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        var status = Pattern.compile("\"status\":\"([A-Z_]+)\"").matcher(body);
        return status.find() ? status.group(1) : body;
    }
}
