package io.seams.shop.platform.dev.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seams.shop.SeamsApplication;
import io.seams.shop.testing.Tokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Seams started the way a newcomer starts it: no datasource configured. These tests run the
 * application outside Spring's test context, so nothing points it at a test database, and talk
 * to it over HTTP like a user.
 */
class EmbeddedDatabaseTests {

    @TempDir
    Path dataDirectory;

    @Test
    void withoutADatasourceSeamsRunsOnAnEmbeddedPostgresWhoseDataSurvivesARestart() throws IOException {
        URI order;
        try (var first = start()) {
            assertThat(first.getBean(EmbeddedPostgres.class)).isNotNull();
            order = http(first)
                    .post()
                    .uri("/api/orders")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("""
                            {"lines":[{"sku":"MUG-CLASSIC","quantity":1}]}""")
                    .retrieve()
                    .toBodilessEntity()
                    .getHeaders()
                    .getLocation();
        }

        try (var second = start()) {
            var status = http(second).get().uri(order.getPath()).retrieve().toBodilessEntity();
            assertThat(status.getStatusCode().is2xxSuccessful()).isTrue();
        }
        assertThat(dataDirectory.resolve("PG_VERSION")).exists();
    }

    @Test
    void theProdProfileNeverStartsAnEmbeddedDatabase() {
        assertThatThrownBy(() -> start("prod").close()).hasMessageContaining("DataSource");

        assertThat(dataDirectory).isEmptyDirectory();
    }

    private ConfigurableApplicationContext start(String... profiles) throws IOException {
        return new SpringApplicationBuilder(SeamsApplication.class)
                .profiles(profiles)
                .properties(
                        "server.port=0",
                        "seams.mail.embedded.port=0",
                        "seams.security.embedded-authorization-server.accounts-directory=" + Tokens.accountsDirectory(),
                        "seams.database.embedded.data-directory=" + dataDirectory,
                        "seams.database.embedded.port=" + freePort())
                // prod runs the payment simulator only when asked (an argument: it outranks the profile's
                // configuration, default properties do not); asked, so that what fails is the datasource.
                .run("--seams.payments.simulator.enabled=true");
    }

    private static RestClient http(ConfigurableApplicationContext application) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + application.getEnvironment().getProperty("local.server.port"))
                .defaultHeader("Authorization", "Bearer " + Tokens.of(application, "ada"))
                .build();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
