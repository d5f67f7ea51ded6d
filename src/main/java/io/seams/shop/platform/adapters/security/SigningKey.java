package io.seams.shop.platform.adapters.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The embedded authorization server's signing key: RSA 2048, generated at every start, kept in
 * memory only. Tokens issued before a restart are no longer accepted after it.
 *
 * @param id the key id ({@code kid}) in the published key set
 * @param keyPair the keys
 */
public record SigningKey(String id, KeyPair keyPair) {

    public static SigningKey generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new SigningKey(UUID.randomUUID().toString(), generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
    }
}
