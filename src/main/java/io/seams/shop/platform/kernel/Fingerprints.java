package io.seams.shop.platform.kernel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Fingerprints of texts: the same text, the same fingerprint; another text, another one. */
public final class Fingerprints {

    private Fingerprints() {}

    /** The SHA-256 hash of the text's UTF-8 bytes, in lower-case hex. */
    public static String of(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
