package io.seams.shop.platform.adapters.security;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Seams authenticates its callers (see docs/security.md).
 *
 * @param issuer the {@code iss} every accepted token carries; the embedded authorization server
 *     issues tokens under this name
 * @param audience the {@code aud} every accepted token must include
 * @param jwkSetUri where the signing keys are published, when the embedded authorization server
 *     is off (an external provider, or the process of a split cluster that hosts it)
 * @param tokenUri where clients get tokens (client credentials), as the API description tells
 *     them (Swagger UI's Authorize): the embedded authorization server's endpoint by default, your
 *     provider's token endpoint otherwise; relative to the API's address, or absolute
 * @param embeddedAuthorizationServer the authorization server of the default profile
 */
@ConfigurationProperties("seams.security")
public record SecurityProperties(
        @DefaultValue("http://localhost:8080") String issuer,
        @DefaultValue("seams") String audience,
        @Nullable String jwkSetUri,
        @DefaultValue("/oauth2/token") String tokenUri,
        @DefaultValue EmbeddedAuthorizationServer embeddedAuthorizationServer) {

    /**
     * The authorization server a process may run for development and tests (never in {@code prod}).
     *
     * @param enabled whether this process issues tokens itself ({@code prod} turns it off); unset,
     *     the monolith and a process hosting customers do
     * @param accountsDirectory where the demo accounts' secrets, generated at start, are written
     * @param tokenLifetime how long an access token is valid
     */
    public record EmbeddedAuthorizationServer(
            @Nullable Boolean enabled,
            @DefaultValue(".seams/demo-accounts") Path accountsDirectory,
            @DefaultValue("PT1H") Duration tokenLifetime) {}
}
