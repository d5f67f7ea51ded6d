package io.seams.shop.testing.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** compose.yaml cannot run here; this keeps it describing the same split as {@code ./mvnw -Dcluster=start}. */
class ComposeFileTests {

    @Test
    @SuppressWarnings("unchecked")
    void composeDescribesTheSplitClusterOfTheCommand() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("compose.yaml")));
        var services = (Map<String, Map<String, Object>>) compose.get("services");

        for (var process : SplitCluster.MODULES.keySet()) {
            var service = services.get(process);
            var environment = (Map<String, Object>) service.get("environment");
            assertThat(environment)
                    .as(process)
                    .containsEntry("SEAMS_TOPOLOGY_MODULES", SplitCluster.MODULES.get(process))
                    .containsEntry("SEAMS_TOPOLOGY_CONSUMER_GROUP", process)
                    .containsEntry("SPRING_MODULITH_EVENTS_EXTERNALIZATION_ENABLED", "true")
                    .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://" + process + "-db:5432/seams");
            assertThat((List<String>) service.get("ports")).containsExactly(LocalCluster.PORTS.get(process) + ":8080");
        }
        assertThat(services).containsKeys("kafka", "shop-db", "payments-db", "notifications-db");
    }
}
