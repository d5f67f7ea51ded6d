package io.seams.shop.platform.adapters.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.Comparator;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the shop's API ({@code /v3/api-docs}, Swagger UI in the default
 * profile): what it is, its version (the build's), and where it is served — relative to the
 * document, so the same description fits every host and port. Every problem an operation can
 * answer is added by {@link ProblemResponses}; the security scheme by the security package. The
 * committed copy is {@code docs/api/openapi.json} (docs/api/README.md).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String DESCRIPTION = """
            Order fulfilment of an online shop: browse the catalog, place orders and follow them \
            through stock reservation, payment and shipping, manage customer profiles.

            Every call except reading the catalog needs an OAuth2 bearer token (client \
            credentials). With `./mvnw spring-boot:run` Seams issues them itself to its demo \
            accounts (`ada`, `alan`: customers, `sam`: staff, `olivia`: operations); their secrets \
            are in `.seams/demo-accounts/`. Errors are RFC 9457 problem details \
            (`application/problem+json`) with a stable `type` per kind of problem.""";

    @Bean
    OpenAPI seamsApi(ObjectProvider<BuildProperties> build) {
        var version = build.getIfAvailable() == null
                ? "development"
                : build.getIfAvailable().getVersion();
        return new OpenAPI()
                .info(new Info().title("Seams").description(DESCRIPTION).version(version))
                .servers(List.of(new Server().url("/").description("This Seams")));
    }

    /** Tags by name: springdoc lists them in the order it met the controllers, which may vary. */
    @Bean
    OpenApiCustomizer tagsByName() {
        return api -> {
            if (api.getTags() != null) {
                api.getTags().sort(Comparator.comparing(Tag::getName));
            }
        };
    }

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }
}
