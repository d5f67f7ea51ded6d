package io.seams.shop.platform.adapters.security;

import io.seams.shop.platform.adapters.web.ProblemResponses;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The API description's security: an OAuth2 client-credentials scheme whose token endpoint is
 * {@code seams.security.token-uri} (the embedded authorization server's {@code /oauth2/token} by
 * default, so Swagger UI's Authorize works with a demo account), required by every operation but
 * the public reads ({@link ApiSecurityConfiguration#PUBLIC_READS}). An operation that needs a token
 * may answer 401 and 403 problems; a public read answers 401 too, when a token is sent and is not
 * valid (no token at all is fine).
 */
class ApiSecurityDocumentation implements OpenApiCustomizer {

    static final String SCHEME = "oauth2";

    private final SecurityProperties properties;

    ApiSecurityDocumentation(SecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        var components = api.getComponents();
        components.addSecuritySchemes(
                SCHEME,
                new SecurityScheme()
                        .type(SecurityScheme.Type.OAUTH2)
                        .description("A bearer JWT from the client-credentials grant. With `./mvnw spring-boot:run`:"
                                + " a demo account's name as client id, its secret from"
                                + " `.seams/demo-accounts/<account>` (docs/security.md)")
                        .flows(new OAuthFlows()
                                .clientCredentials(new OAuthFlow()
                                        .tokenUrl(properties.tokenUri())
                                        .scopes(new Scopes()))));
        components.addResponses(
                "Unauthenticated",
                ProblemResponses.problem("No valid bearer token (`unauthenticated`); on a public read, a token"
                                + " was sent and is not valid")
                        .addHeaderObject(
                                "WWW-Authenticate",
                                new Header()
                                        .description("`Bearer`, with the reason when a token was sent")
                                        .schema(new StringSchema())));
        components.addResponses(
                "Forbidden", ProblemResponses.problem("The caller's role does not allow this (`forbidden`)"));
        if (api.getPaths() == null) {
            return;
        }
        for (var path : api.getPaths().entrySet()) {
            for (var operation : path.getValue().readOperationsMap().entrySet()) {
                secure(operation.getValue(), isPublic(operation.getKey(), path.getKey()));
            }
        }
    }

    private static void secure(Operation operation, boolean isPublic) {
        if (isPublic) {
            // Said explicitly (an empty requirement): no token needed; one that is sent is checked.
            operation.setSecurity(List.of());
            operation.getResponses().putIfAbsent("401", ProblemResponses.reference("Unauthenticated"));
            return;
        }
        operation.addSecurityItem(new SecurityRequirement().addList(SCHEME));
        operation.getResponses().putIfAbsent("401", ProblemResponses.reference("Unauthenticated"));
        operation.getResponses().putIfAbsent("403", ProblemResponses.reference("Forbidden"));
    }

    private static boolean isPublic(PathItem.HttpMethod method, String path) {
        return method == PathItem.HttpMethod.GET
                && ApiSecurityConfiguration.PUBLIC_READS.stream()
                        .map(PathPatternParser.defaultInstance::parse)
                        .anyMatch(pattern -> pattern.matches(PathContainer.parsePath(path)));
    }
}
