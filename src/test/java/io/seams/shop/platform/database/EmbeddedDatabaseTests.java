package io.seams.shop.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seams.shop.SeamsApplication;
import io.seams.shop.catalog.Sku;
import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.application.OrderPlacement;
import io.seams.shop.orders.application.PlaceOrder;
import io.seams.shop.orders.application.Placement;
import io.seams.shop.orders.domain.OrderRepository;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Seams started the way a newcomer starts it: no datasource configured. These tests run the
 * application outside Spring's test context, so nothing points it at a test database.
 */
class EmbeddedDatabaseTests {

    @TempDir
    Path dataDirectory;

    @Test
    void withoutADatasourceSeamsRunsOnAnEmbeddedPostgresWhoseDataSurvivesARestart() throws IOException {
        OrderId placed;
        try (var first = start()) {
            assertThat(first.getBean(EmbeddedPostgres.class)).isNotNull();
            var outcome = first.getBean(OrderPlacement.class)
                    .place(new PlaceOrder(List.of(new PlaceOrder.Line(new Sku("MUG-CLASSIC"), 1))));
            placed = ((Placement.Placed) outcome).order().getId();
        }

        try (var second = start()) {
            assertThat(second.getBean(OrderRepository.class).findById(placed)).isPresent();
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
                        "seams.database.embedded.data-directory=" + dataDirectory,
                        "seams.database.embedded.port=" + freePort())
                .run();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
