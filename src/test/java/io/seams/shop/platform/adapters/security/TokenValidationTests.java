package io.seams.shop.platform.adapters.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import io.seams.shop.testing.Tokens;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Only tokens this Seams trusts get in: signed with its key, by its issuer, for its audience, not
 * expired. Every other one is a 401 problem, and so is no token at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class TokenValidationTests {

    static final String ORDERS = "/api/orders/c0ffee00-0000-4000-8000-00000000dead";

    @Autowired
    RestTestClient http;

    @Autowired
    ApplicationContext context;

    @Test
    void noTokenIsA401ProblemThatSaysWhatIsMissing() {
        http.get()
                .uri(ORDERS)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueMatches("WWW-Authenticate", "Bearer.*")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:seams:problem:unauthenticated")
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.instance")
                .isEqualTo(ORDERS);
    }

    @Test
    void aTokenFromTheAuthorizationServerGetsIn() {
        bearer(Tokens.of(context, "ada")).expectStatus().isNotFound();
    }

    static Stream<Arguments> untrustedTokens() {
        return Stream.of(
                Arguments.of("expired", (UnaryOperator<JwtClaimsSet.Builder>)
                        claims -> claims.issuedAt(Instant.now().minusSeconds(7200))
                                .expiresAt(Instant.now().minusSeconds(3600))),
                Arguments.of("from another issuer", (UnaryOperator<JwtClaimsSet.Builder>)
                        claims -> claims.issuer("https://issuer.example")),
                Arguments.of("for another audience", (UnaryOperator<JwtClaimsSet.Builder>)
                        claims -> claims.audience(List.of("another-api"))));
    }

    @ParameterizedTest(name = "a token {0}")
    @MethodSource("untrustedTokens")
    void anUntrustedTokenIsRefused(String what, UnaryOperator<JwtClaimsSet.Builder> spoil) {
        bearer(signed(spoil)).expectStatus().isUnauthorized();
    }

    @Test
    void aWellFormedTokenIsTrustedOnlyAsSigned() {
        var valid = signed(UnaryOperator.identity());
        bearer(valid).expectStatus().isNotFound();

        var parts = valid.split("\\.");
        var signature = parts[2].toCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        bearer(parts[0] + "." + parts[1] + "." + new String(signature))
                .expectStatus()
                .isUnauthorized();
    }

    /** A token signed with this Seams's own key, as its authorization server would issue it, then spoilt. */
    @SuppressWarnings("unchecked")
    private String signed(UnaryOperator<JwtClaimsSet.Builder> spoil) {
        var now = Instant.now();
        var claims = JwtClaimsSet.builder()
                .issuer("http://localhost:8080")
                .subject("ada")
                .audience(List.of("seams"))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300))
                .claim("roles", List.of("customer"))
                .claim("customer_id", "c0ffee00-0000-4000-8000-000000000001");
        var encoder = new NimbusJwtEncoder(context.getBean(JWKSource.class));
        return encoder.encode(JwtEncoderParameters.from(spoil.apply(claims).build()))
                .getTokenValue();
    }

    private RestTestClient.ResponseSpec bearer(String token) {
        return http.get().uri(ORDERS).header("Authorization", "Bearer " + token).exchange();
    }
}
