package io.seams.shop.platform.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.modulith.runtime.ApplicationModulesRuntime;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * {@code GET /} is a public HTML page naming Seams, the topology and the modules hosted here, with
 * links to the API description, the events' AsyncAPI document, health and the docs; the API
 * behind it still asks for a token. (What a process of the split cluster shows:
 * {@code HostedModulesTests} and {@code SplitClusterSagaIT}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class FrontDoorTests {

    static final String[] MODULES = {
        "catalog", "customers", "orders", "inventory", "payments", "shipping", "notifications", "tracking", "audit"
    };

    @Autowired
    RestTestClient http;

    @Autowired
    ApplicationModulesRuntime modules;

    @Test
    void anyoneOpeningSeamsGetsAPageNamingTheMonolithAndItsModules() {
        var page = http.get()
                .uri("/")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(page)
                .startsWith("<!DOCTYPE html>")
                .contains("<html lang=\"en\">", "<title>Seams", "<h1>Seams</h1>", "<strong>Monolith</strong>")
                .contains("<a href=\"swagger-ui.html\">", "<a href=\"actuator/health\">", "<code>docs/</code>")
                .contains("<code>platform</code>")
                .doesNotContain("<script", "v3/api-docs");
        for (var module : MODULES) {
            assertThat(page).contains("<li><code>" + module + "</code></li>");
        }
    }

    @Test
    void theFrontDoorIsOpenButTheApiBehindItIsNot() {
        http.head().uri("/").exchange().expectStatus().isOk();
        http.get()
                .uri("/api/orders/00000000-0000-0000-0000-000000000000")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        http.post().uri("/").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theAsyncApiDocumentIsLinkedAndServedToAnyoneWhenTheBuildPackagedIt() {
        var packaged = new ClassPathResource("static/" + FrontDoor.ASYNCAPI).exists();
        var page = http.get()
                .uri("/")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        if (packaged) {
            assertThat(page).contains("<a href=\"contracts/asyncapi.yaml\">");
            http.get()
                    .uri("/contracts/asyncapi.yaml")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentTypeCompatibleWith("application/yaml");
        } else {
            // docs/api/asyncapi.yaml is not in this build: no link to a 404.
            assertThat(page).doesNotContain("asyncapi");
        }
    }

    @Test
    void withoutSwaggerUiTheOpenApiDocumentIsLinkedInstead() {
        var page = frontDoor(new MockEnvironment().withProperty("springdoc.swagger-ui.enabled", "false"), true)
                .render();

        assertThat(page)
                .contains("<a href=\"v3/api-docs\">", "<a href=\"contracts/asyncapi.yaml\">")
                .doesNotContain("swagger-ui");
    }

    @Test
    void aSplitProcessIsNamedAndConfiguredValuesAreEscapedOrNotLinked() {
        var page = frontDoor(
                        new MockEnvironment()
                                .withProperty("seams.topology.modules", "payments")
                                .withProperty("seams.topology.consumer-group", "<b>payments</b>")
                                .withProperty("seams.web.docs-url", "javascript:alert(1)"),
                        false)
                .render();

        assertThat(page)
                .contains("<strong>Split</strong>", "the <strong>&lt;b&gt;payments&lt;/b&gt;</strong> process")
                .contains("<code>docs/</code>")
                .doesNotContain("<b>payments</b>", "javascript:", "asyncapi");

        var linked = frontDoor(
                        new MockEnvironment().withProperty("seams.web.docs-url", "https://example.com/a?b=1&c=2"),
                        false)
                .render();
        assertThat(linked).contains("<a href=\"https://example.com/a?b=1&amp;c=2\">Documentation</a>");
    }

    /** The page over this application's modules, configured by {@code environment}. */
    private FrontDoor frontDoor(MockEnvironment environment, boolean asyncApiPackaged) {
        var resources = new DefaultResourceLoader() {
            @Override
            public Resource getResource(String location) {
                if (!location.endsWith(FrontDoor.ASYNCAPI)) {
                    return super.getResource(location);
                }
                return asyncApiPackaged ? new ByteArrayResource(new byte[0]) : new ClassPathResource("no/such/file");
            }
        };
        return new FrontDoor(modules, environment, resources);
    }
}
