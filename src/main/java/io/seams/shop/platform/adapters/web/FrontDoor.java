package io.seams.shop.platform.adapters.web;

import io.seams.shop.platform.distribution.topology.HostedModules;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.runtime.ApplicationModulesRuntime;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The front door: {@code GET /} answers a person who opens Seams in a browser with a small public
 * page instead of a 401. It names the topology (the monolith, or which process of a split
 * cluster), the modules this process hosts (Spring Modulith's model of them, see {@code
 * platform.topology}), and links to what a visitor can open without a token: the API description
 * (Swagger UI where it is enabled, else the OpenAPI document), the AsyncAPI document of the events
 * (served from {@code docs/api/} when the build packaged it), health, and the documentation
 * ({@code seams.web.docs-url}, else the {@code docs/} folder is named). Plain HTML, no script; every
 * value from the configuration is escaped. A page for people, so not part of the API description.
 */
@Hidden
@RestController
class FrontDoor {

    /** Where the files of {@code docs/api/} are served (the build copies them to {@code static/contracts/}). */
    static final String CONTRACTS = "contracts/";

    static final String ASYNCAPI = CONTRACTS + "asyncapi.yaml";

    private final ApplicationModulesRuntime modules;
    private final HostedModules hosted;
    private final String process;
    private final @Nullable Link api;
    private final boolean asyncApi;
    private final String health;
    private final String docs;

    FrontDoor(ApplicationModulesRuntime modules, Environment environment, ResourceLoader resources) {
        this.modules = modules;
        this.hosted = HostedModules.from(environment);
        this.process = environment.getProperty("seams.topology.consumer-group", "");
        this.api = apiLink(environment);
        this.asyncApi = resources.getResource("classpath:static/" + ASYNCAPI).exists();
        this.health = relative(environment.getProperty("management.endpoints.web.base-path", "/actuator")) + "/health";
        this.docs = docsUrl(environment.getProperty("seams.web.docs-url", ""));
    }

    @GetMapping("/")
    ResponseEntity<String> page() {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .body(render());
    }

    String render() {
        var model = modules.get();
        var shared = model.getSharedModules();
        var here = names(model.stream().filter(module -> !shared.contains(module)));
        var alsoHere = names(shared.stream());
        var system = model.getSystemName().orElse("Seams");

        var topology = hosted.isMonolith()
                ? "<strong>Monolith</strong>: every module runs in this one process."
                : "<strong>Split</strong>: this is "
                        + (process.isBlank() ? "one process" : "the <strong>" + escape(process) + "</strong> process")
                        + " of a split cluster; the other modules run in other processes.";
        var links = new StringBuilder();
        if (api != null) {
            links.append(item(api.href(), api.text()));
        }
        if (asyncApi) {
            links.append(item(ASYNCAPI, "Events: the AsyncAPI document (YAML)"));
        }
        links.append(item(health, "Health"));
        links.append(
                docs.isEmpty()
                        ? "        <li>Documentation: the <code>docs/</code> folder of the repository"
                                + " (start with <code>docs/README.md</code>)</li>\n"
                        : item(docs, "Documentation"));

        var where = hosted.isMonolith() ? "monolith" : process.isBlank() ? "split process" : process + " process";
        return PAGE.formatted(
                escape(system),
                escape(where),
                escape(system),
                topology,
                here.isEmpty() ? "        <li>none</li>\n" : listItems(here),
                alsoHere.isEmpty()
                        ? ""
                        : "      <p>Shared by every process: "
                                + alsoHere.stream()
                                        .map(name -> "<code>" + escape(name) + "</code>")
                                        .collect(Collectors.joining(", "))
                                + ".</p>\n",
                links);
    }

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>%s: %s</title>
              <style>
                body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0; color: #1b1b1b; background: #fff; }
                main { max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
                h1 { margin-bottom: 0; }
                code { background: #f0f0f0; padding: 0 .25em; border-radius: 3px; }
                a { color: #0645ad; }
                a:focus { outline: 2px solid #0645ad; outline-offset: 2px; }
              </style>
            </head>
            <body>
              <main>
                <h1>%s</h1>
                <p>An online shop's order fulfilment: a modular monolith whose modules can also run apart.</p>
                <section aria-labelledby="topology">
                  <h2 id="topology">This process</h2>
                  <p>%s</p>
                  <h3>Modules hosted here</h3>
                  <ul>
            %s      </ul>
            %s    </section>
                <section aria-labelledby="explore">
                  <h2 id="explore">Explore</h2>
                  <ul>
            %s      </ul>
                  <p>The catalog (<code>GET /api/catalog/products</code>) is public; the rest of the API asks for a bearer token.</p>
                </section>
              </main>
            </body>
            </html>
            """;

    private static List<String> names(Stream<ApplicationModule> modules) {
        return modules.map(module -> module.getIdentifier().toString())
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    private static String listItems(List<String> names) {
        return names.stream()
                .map(name -> "        <li><code>" + escape(name) + "</code></li>\n")
                .collect(Collectors.joining());
    }

    private static String item(String href, String text) {
        return "        <li><a href=\"" + escape(href) + "\">" + escape(text) + "</a></li>\n";
    }

    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }

    /** Swagger UI where it is enabled; otherwise (the prod profile) the OpenAPI document, if that is served. */
    private static @Nullable Link apiLink(Environment environment) {
        if (environment.getProperty("springdoc.swagger-ui.enabled", Boolean.class, true)
                && environment.getProperty("springdoc.api-docs.enabled", Boolean.class, true)) {
            return new Link(
                    relative(environment.getProperty("springdoc.swagger-ui.path", "/swagger-ui.html")),
                    "API: Swagger UI");
        }
        if (environment.getProperty("springdoc.api-docs.enabled", Boolean.class, true)) {
            return new Link(
                    relative(environment.getProperty("springdoc.api-docs.path", "/v3/api-docs")),
                    "API: the OpenAPI description (JSON)");
        }
        return null;
    }

    /** Only an absolute http(s) URL is linked: a configured value never becomes a script link. */
    private static String docsUrl(String configured) {
        if (configured.isBlank()) {
            return "";
        }
        try {
            var uri = URI.create(configured.trim());
            if (("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (IllegalArgumentException notAUri) {
            // fall through: named, not linked
        }
        return "";
    }

    /** Links relative to the page, so they also work behind a proxy that serves Seams under a prefix. */
    private static String relative(String path) {
        var trimmed = path.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private record Link(String href, String text) {}
}
