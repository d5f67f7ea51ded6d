package io.seams.shop;

import io.seams.shop.testing.cluster.SplitCluster;
import io.seams.shop.testing.cluster.TestCluster;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
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
                RestTestClient.bindToServer()
                        .baseUrl(cluster.cluster().url(SplitCluster.SHOP))
                        .build(),
                shopData,
                paymentsData,
                cluster.mail(),
                List.of(shopData, paymentsData, cluster.database(SplitCluster.NOTIFICATIONS)));
    }

    @Override
    Shop shop() {
        return shop;
    }
}
