package io.seams.shop.platform.web;

/**
 * Regular expressions for request fields ({@code @Pattern}), written so that they mean the same to
 * Bean Validation (Java, whole value) and in the OpenAPI description (ECMAScript, which searches
 * unless anchored): anchored, and without Java-only classes such as {@code \p{Cntrl}}.
 */
public final class ApiPatterns {

    /** No ASCII control character (U+0000 to U+001F, U+007F): exactly Java's {@code [^\p{Cntrl}]*}. */
    public static final String NO_CONTROL_CHARACTERS = "^[^\\u0000-\\u001F\\u007F]*$";

    private ApiPatterns() {}
}
