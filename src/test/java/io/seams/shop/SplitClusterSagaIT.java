package io.seams.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.shop.testing.cluster.SplitCluster;
import io.seams.shop.testing.cluster.TestCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The {@link SagaScenarios} against the split cluster: the shop, payments and notifications each
 * in a JVM of its own running the packaged jar, each on its own database, the events between them
 * through a real Kafka broker process.
 */
@ExtendWith(TestCluster.Extension.class)
class SplitClusterSagaIT extends SagaScenarios {

    static Shop shop;

    @BeforeAll
    static void openTheSplitShop(TestCluster cluster) {
        shop = shopOn(cluster);
    }

    static Shop shopOn(TestCluster cluster) {
        var shopData = cluster.database(SplitCluster.SHOP);
        var paymentsData = cluster.database(SplitCluster.PAYMENTS);
        return new Shop(
                as(cluster, "ada"),
                as(cluster, "sam"),
                shopData,
                paymentsData,
                cluster.mail(),
                List.of(shopData, paymentsData, cluster.database(SplitCluster.NOTIFICATIONS)));
    }

    private static RestTestClient as(TestCluster cluster, String account) {
        try {
            return RestTestClient.bindToServer()
                    .baseUrl(cluster.cluster().url(SplitCluster.SHOP))
                    .defaultHeader(
                            "Authorization", "Bearer " + cluster.cluster().token(account))
                    .build();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    Shop shop() {
        return shop;
    }

    @Test
    void theOtherProcessesRefuseCallsWithoutATokenAndTrustTheShopsTokens(TestCluster cluster) throws IOException {
        var payments = RestTestClient.bindToServer()
                .baseUrl(cluster.cluster().url(SplitCluster.PAYMENTS))
                .build();

        payments.get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
        payments.get()
                .uri("/actuator/metrics")
                .header("Authorization", "Bearer " + cluster.cluster().token("ada"))
                .exchange()
                .expectStatus()
                .isForbidden();
        payments.get()
                .uri("/actuator/metrics")
                .header("Authorization", "Bearer " + cluster.cluster().token("olivia"))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void eachProcessesFrontDoorNamesTheProcessAndTheModulesItHosts(TestCluster cluster) {
        for (var process : List.of(SplitCluster.SHOP, SplitCluster.PAYMENTS, SplitCluster.NOTIFICATIONS)) {
            var page = RestTestClient.bindToServer()
                    .baseUrl(cluster.cluster().url(process))
                    .build()
                    .get()
                    .uri("/")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();

            var hosted = List.of(SplitCluster.MODULES.get(process).split(","));
            assertThat(page).as(process).contains("the <strong>" + process + "</strong> process");
            for (var module : List.of(
                    "catalog",
                    "customers",
                    "orders",
                    "inventory",
                    "payments",
                    "shipping",
                    "notifications",
                    "tracking",
                    "audit")) {
                var item = "<li><code>" + module + "</code></li>";
                if (hosted.contains(module)) {
                    assertThat(page).as(process).contains(item);
                } else {
                    assertThat(page).as(process).doesNotContain(item);
                }
            }
        }
    }

    @Test
    void theTraceAndTheCallerTravelWithTheOrderIntoThePaymentsProcess(TestCluster cluster) throws IOException {
        var trace = "0af7651916cd43dd8448eb211c80319c";
        var order = shop.place(TWO_MUGS.formatted("tok_visa"), headers -> {
            headers.set("traceparent", "00-" + trace + "-b7ad6b7169203331-01");
            headers.set("baggage", "caller=grace");
        });
        shop.awaitStatus(order, "CONFIRMED");

        var payments = Files.readAllLines(
                cluster.cluster().process(SplitCluster.PAYMENTS).log());
        assertThat(payments)
                .filteredOn(line -> line.contains("Payment of order " + shop.idOf(order)))
                .singleElement()
                .asString()
                .as("the payments process logs the payment in the order's trace, on the caller's behalf")
                .contains("[" + trace + ",")
                .contains(",grace]");
    }
}
