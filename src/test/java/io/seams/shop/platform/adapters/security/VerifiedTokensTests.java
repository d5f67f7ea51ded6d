package io.seams.shop.platform.adapters.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.seams.shop.testing.MovableClock;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Remembered tokens: verified once, and never accepted past their expiry. */
class VerifiedTokensTests {

    private final MovableClock clock = new MovableClock();
    private final AtomicInteger verifications = new AtomicInteger();
    private final RSAKey key = rsaKey();
    private final VerifiedTokens tokens = new VerifiedTokens(
            token -> {
                verifications.incrementAndGet();
                return nimbusDecoder().decode(token);
            },
            clock,
            Duration.ofMinutes(1),
            100);

    @Test
    void aTokenIsVerifiedOnceWhileItIsValid() {
        var token = signed(Duration.ofMinutes(5));

        var first = tokens.decode(token);
        var again = tokens.decode(token);

        assertThat(again).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() {
        var token = signed(Duration.ofSeconds(30));
        tokens.decode(token);

        clock.advance(Duration.ofSeconds(31));

        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> tokens.decode(token));
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenIsVerifiedAgainAfterTheMaximumAge() {
        var token = signed(Duration.ofMinutes(5));
        tokens.decode(token);

        clock.advance(Duration.ofSeconds(61));
        tokens.decode(token);

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenThatFailsVerificationIsNotRemembered() {
        var token = signed(Duration.ofMinutes(5));
        var spoilt = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> tokens.decode(spoilt));
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> tokens.decode(spoilt));
        assertThat(verifications).hasValue(2);
    }

    /** The real check, with expiry judged by the movable clock and no leeway. */
    private NimbusJwtDecoder nimbusDecoder() {
        try {
            var decoder = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
            var expiry = new JwtTimestampValidator(Duration.ZERO);
            expiry.setClock(clock);
            decoder.setJwtValidator(expiry);
            return decoder;
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String signed(Duration lifetime) {
        var now = clock.instant();
        var claims = JwtClaimsSet.builder()
                .subject("ada")
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .build();
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)))
                .encode(JwtEncoderParameters.from(claims))
                .getTokenValue();
    }

    private static RSAKey rsaKey() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID("test")
                    .build();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
