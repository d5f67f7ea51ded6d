package io.seams.shop.testing.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kubernetes manifests in {@code docs/operations/kubernetes/} cannot run here; this keeps them
 * true to the application: probes on the health groups it really serves, on its port, and only
 * environment variables that bind to properties it really has.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SuppressWarnings("unchecked")
class KubernetesManifestsTests {

    static final Path MANIFESTS = Path.of("docs/operations/kubernetes");

    /** Variables the JVM reads itself rather than Spring. */
    static final Set<String> READ_BY_THE_JVM = Set.of("JAVA_TOOL_OPTIONS");

    @Autowired
    RestTestClient http;

    @Test
    void probesAskTheHealthGroupsTheApplicationServesOnItsPort() throws IOException {
        var configured = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"));
        assertThat(configured)
                .as("no other port than Spring Boot's 8080 for the application or its actuator")
                .allSatisfy(source -> {
                    assertThat(source.getProperty("server.port")).isNull();
                    assertThat(source.getProperty("management.server.port")).isNull();
                    assertThat(source.getProperty("management.endpoints.web.base-path"))
                            .isNull();
                });

        for (var container : containers()) {
            var ports = (List<Map<String, Object>>) container.get("ports");
            assertThat(ports).containsExactly(Map.of("name", "http", "containerPort", 8080));
            assertThat(probePath(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
            assertThat(probePath(container, "startupProbe")).isEqualTo("/actuator/health/liveness");
            assertThat(probePath(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
            for (var probe : List.of("livenessProbe", "startupProbe", "readinessProbe")) {
                assertThat(httpGet(container, probe).get("port")).isEqualTo("http");
                http.get()
                        .uri(probePath(container, probe))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.status")
                        .isEqualTo("UP");
            }
        }
    }

    @Test
    void everyVariableTheManifestsSetBindsToAPropertyOfSeams() throws IOException {
        var properties = knownProperties();
        var variables = new HashSet<String>();
        for (var container : containers()) {
            variables.addAll(variablesOf(container));
        }

        assertThat(variables).contains("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_PASSWORD", "SEAMS_TOPOLOGY_MODULES");
        for (var variable : variables) {
            if (READ_BY_THE_JVM.contains(variable)) {
                continue;
            }
            assertThat(properties.bind(variable))
                    .as("%s binds to a property Seams or Spring Boot declares", variable)
                    .isTrue();
        }
        assertThat(properties.bind("SEAMS_DATABASE_MODUL_ROLES")).isFalse();
    }

    @Test
    void theSplitDeploymentsHostTheModulesOfTheSplitCluster() throws IOException {
        var split = documents("split.yaml");
        for (var process : SplitCluster.MODULES.keySet()) {
            var deployment = named(split, "Deployment", "seams-" + process);
            var container = containersOf(deployment).get(0);
            var env = ((List<Map<String, Object>>) container.get("env"));
            assertThat(env)
                    .as(process)
                    .contains(
                            Map.of("name", "SEAMS_TOPOLOGY_MODULES", "value", SplitCluster.MODULES.get(process)),
                            Map.of("name", "SEAMS_TOPOLOGY_CONSUMER_GROUP", "value", process));
            assertThat(variablesOf(container)).contains("SPRING_KAFKA_BOOTSTRAP_SERVERS");
        }
        assertThat(data(named(split, "ConfigMap", "seams-split")))
                .containsEntry("SPRING_MODULITH_EVENTS_EXTERNALIZATION_ENABLED", "true");
    }

    @Test
    void everyDeploymentRunsTwiceBehindAServiceAndADisruptionBudget() throws IOException {
        for (var file : List.of("monolith.yaml", "split.yaml")) {
            var documents = documents(file);
            for (var deployment : ofKind(documents, "Deployment")) {
                var name = nameOf(deployment);
                var spec = (Map<String, Object>) deployment.get("spec");
                var podLabels = (Map<String, Object>)
                        ((Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("metadata"))
                                .get("labels");
                assertThat(spec.get("replicas")).as(name).isEqualTo(2);
                assertThat(podLabels).as(name).containsAllEntriesOf(matchLabels(spec));

                var service =
                        (Map<String, Object>) named(documents, "Service", name).get("spec");
                assertThat(podLabels).containsAllEntriesOf((Map<String, Object>) service.get("selector"));
                assertThat((List<Map<String, Object>>) service.get("ports"))
                        .allSatisfy(port -> assertThat(port).containsEntry("targetPort", "http"));

                var budget = (Map<String, Object>)
                        named(documents, "PodDisruptionBudget", name).get("spec");
                assertThat(budget).containsEntry("minAvailable", 1);
                assertThat(podLabels).containsAllEntriesOf(matchLabels(budget));
            }
        }
    }

    /** The variables a container gets: its env and every key of the ConfigMaps and Secrets it reads. */
    private static Set<String> variablesOf(Map<String, Object> container) throws IOException {
        var variables = new HashSet<String>();
        var env = (List<Map<String, Object>>) container.getOrDefault("env", List.of());
        env.forEach(variable -> variables.add((String) variable.get("name")));
        var all = allDocuments();
        for (var source : (List<Map<String, Map<String, String>>>) container.getOrDefault("envFrom", List.of())) {
            if (source.containsKey("configMapRef")) {
                variables.addAll(
                        data(named(all, "ConfigMap", source.get("configMapRef").get("name")))
                                .keySet());
            } else {
                variables.addAll(((Map<String, Object>)
                                named(all, "Secret", source.get("secretRef").get("name"))
                                        .get("stringData"))
                        .keySet());
            }
        }
        return variables;
    }

    /** The properties declared in the configuration metadata of Seams and of every library it uses. */
    private static KnownProperties knownProperties() throws IOException {
        var names = new HashSet<String>();
        var maps = new HashSet<String>();
        var json = JsonMapper.builder().build();
        var resolver = new PathMatchingResourcePatternResolver();
        var metadata = Stream.concat(
                        Stream.of(resolver.getResources("classpath*:META-INF/spring-configuration-metadata.json")),
                        Stream.of(resolver.getResources(
                                "classpath*:META-INF/additional-spring-configuration-metadata.json")))
                .toList();
        assertThat(metadata).hasSizeGreaterThan(3);
        for (var file : metadata) {
            try (var in = file.getInputStream()) {
                for (var property : json.readTree(in).path("properties")) {
                    var name = canonical(property.path("name").asString());
                    names.add(name);
                    if (property.path("type").asString().startsWith("java.util.Map")) {
                        maps.add(name);
                    }
                }
            }
        }
        return new KnownProperties(names, maps);
    }

    /**
     * Names as relaxed binding compares them: {@code SEAMS_TOPOLOGY_CONSUMER_GROUP} and {@code
     * seams.topology.consumer-group} are the same.
     */
    private static String canonical(String name) {
        return name.replaceAll("[._-]", "").toLowerCase(Locale.ROOT);
    }

    private record KnownProperties(Set<String> names, Set<String> maps) {

        boolean bind(String variable) {
            var name = canonical(variable);
            return names.contains(name) || maps.stream().anyMatch(name::startsWith);
        }
    }

    private static List<Map<String, Object>> containers() throws IOException {
        var containers = new ArrayList<Map<String, Object>>();
        for (var deployment : ofKind(allDocuments(), "Deployment")) {
            containers.addAll(containersOf(deployment));
        }
        assertThat(containers).hasSize(4);
        return containers;
    }

    private static List<Map<String, Object>> containersOf(Map<String, Object> deployment) {
        var template = (Map<String, Object>) ((Map<String, Object>) deployment.get("spec")).get("template");
        return (List<Map<String, Object>>) ((Map<String, Object>) template.get("spec")).get("containers");
    }

    private static Map<String, Object> httpGet(Map<String, Object> container, String probe) {
        return (Map<String, Object>) ((Map<String, Object>) container.get(probe)).get("httpGet");
    }

    private static String probePath(Map<String, Object> container, String probe) {
        return (String) httpGet(container, probe).get("path");
    }

    private static Map<String, Object> matchLabels(Map<String, Object> spec) {
        return (Map<String, Object>) ((Map<String, Object>) spec.get("selector")).get("matchLabels");
    }

    private static Map<String, String> data(Map<String, Object> configMap) {
        return (Map<String, String>) configMap.get("data");
    }

    private static List<Map<String, Object>> allDocuments() throws IOException {
        var all = new ArrayList<Map<String, Object>>();
        for (var file : List.of("common.yaml", "monolith.yaml", "split.yaml")) {
            all.addAll(documents(file));
        }
        return all;
    }

    private static List<Map<String, Object>> documents(String file) throws IOException {
        var documents = new ArrayList<Map<String, Object>>();
        new Yaml()
                .loadAll(Files.readString(MANIFESTS.resolve(file)))
                .forEach(document -> documents.add((Map<String, Object>) document));
        return documents;
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> documents, String kind) {
        return documents.stream()
                .filter(document -> kind.equals(document.get("kind")))
                .toList();
    }

    private static Map<String, Object> named(List<Map<String, Object>> documents, String kind, String name) {
        return ofKind(documents, kind).stream()
                .filter(document -> name.equals(nameOf(document)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no %s %s".formatted(kind, name)));
    }

    private static String nameOf(Map<String, Object> document) {
        return (String) ((Map<String, Object>) document.get("metadata")).get("name");
    }
}
