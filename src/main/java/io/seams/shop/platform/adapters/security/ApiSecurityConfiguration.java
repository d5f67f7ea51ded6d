package io.seams.shop.platform.adapters.security;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seams as an OAuth2 resource server: every API call carries a bearer JWT, validated for its
 * signature, issuer, audience and expiry; roles come from its {@code roles} claim. What each role
 * may reach is decided here by path, and what belongs to whom by the web adapters (with
 * {@link Caller}). Rejections are RFC 9457 problems.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
class ApiSecurityConfiguration {

    /** What anyone may read without a token (with {@code GET}); everything else under /api/ needs one. */
    static final List<String> PUBLIC_READS = List.of("/api/catalog/**");

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:;"
            + " style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, JsonMapper json, ApplicationEventPublisher events) throws Exception {
        var problems = new SecurityProblems(json, events);
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(Caller.OPS)
                        .requestMatchers(
                                "/v3/api-docs",
                                "/v3/api-docs.yaml",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        // The front door (platform.web.FrontDoor) and the contracts it links (docs/api/).
                        .requestMatchers(HttpMethod.GET, "/", "/contracts/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/", "/contracts/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, PUBLIC_READS.toArray(String[]::new))
                        .permitAll()
                        // HEAD is GET without the body (RFC 9110): public where GET is.
                        .requestMatchers(HttpMethod.HEAD, PUBLIC_READS.toArray(String[]::new))
                        .permitAll()
                        .requestMatchers("/api/audit/**", "/api/operations/**")
                        .hasRole(Caller.OPS)
                        .requestMatchers("/api/shipments/**")
                        .hasRole(Caller.STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/customers")
                        .hasRole(Caller.STAFF)
                        .requestMatchers("/api/**")
                        .hasAnyRole(Caller.CUSTOMER, Caller.STAFF)
                        // Other processes' calls to this one's module APIs: the user's token, relayed.
                        .requestMatchers("/internal/**")
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(roles()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // The pages served here (the front door, Swagger UI) load only what this origin
                // serves; their inline styles (and Swagger UI's data: images) are all they need.
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                // Bearer tokens, no cookies: no session to keep, no cross-site request to forge.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * Tokens signed by the embedded authorization server's key, or by the keys published at
     * {@code seams.security.jwk-set-uri}; either way with the configured issuer and audience. A token
     * is verified once and then remembered until it expires, for a minute at most ({@link
     * VerifiedTokens}): clients send the same token with every request.
     */
    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties, ObjectProvider<SigningKey> embeddedKey, Clock clock) {
        var key = embeddedKey.getIfAvailable();
        NimbusJwtDecoder decoder;
        if (key != null) {
            decoder = NimbusJwtDecoder.withPublicKey(
                            (RSAPublicKey) key.keyPair().getPublic())
                    .build();
        } else if (properties.jwkSetUri() != null) {
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        } else {
            throw new IllegalStateException("No way to check tokens: set seams.security.jwk-set-uri (and"
                    + " seams.security.issuer), or enable the embedded authorization server");
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, audience -> audience != null && audience.contains(properties.audience()))));
        return new VerifiedTokens(decoder, clock, Duration.ofMinutes(1), 10_000);
    }

    /** The API description's security scheme, and which operations need a token. */
    @Bean
    ApiSecurityDocumentation apiSecurityDocumentation(SecurityProperties properties) {
        return new ApiSecurityDocumentation(properties);
    }

    /**
     * Every failed authentication becomes an event (for the audit trail), including the OAuth2
     * failures Spring Security does not map to one by default, such as a wrong client secret.
     */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        var publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
        return publisher;
    }

    private static JwtAuthenticationConverter roles() {
        var authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(Caller.ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }
}
