package io.seams.shop.platform.adapters.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that remembers the tokens it has verified, so that a client sending the
 * same bearer token with every request pays for its RS256 signature check once, not per request
 * (the benchmark's profile had {@code com.nimbusds.jose} among the costliest packages).
 *
 * <p>Only tokens the delegate accepted (signature, issuer, audience, expiry) are remembered, keyed
 * by the exact token text: a token that differs in any byte is verified again. A remembered token
 * is used only before its {@code exp} and for at most {@code maxAge}; after that it goes back to
 * the delegate, which decides as it always did (an expired token is refused). {@code maxAge} also
 * bounds how long a token signed by a key since withdrawn from the JWK set stays accepted.
 */
final class VerifiedTokens implements JwtDecoder {

    private record Verified(Jwt jwt, Instant usableUntil) {}

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Duration maxAge;
    private final int maxSize;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedTokens(JwtDecoder delegate, Clock clock, Duration maxAge, int maxSize) {
        this.delegate = delegate;
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxSize = maxSize;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        var now = clock.instant();
        var known = verified.get(token);
        if (known != null && now.isBefore(known.usableUntil())) {
            return known.jwt();
        }
        if (known != null) {
            verified.remove(token, known);
        }
        var jwt = delegate.decode(token);
        var usableUntil = now.plus(maxAge);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(usableUntil)) {
            usableUntil = jwt.getExpiresAt();
        }
        if (verified.size() >= maxSize) {
            // Bounded without a cache library: at worst, every token is verified once more.
            verified.clear();
        }
        verified.put(token, new Verified(jwt, usableUntil));
        return jwt;
    }
}
