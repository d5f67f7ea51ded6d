/**
 * Authentication and authorisation: Seams as an OAuth2 resource server, and {@link
 * io.seams.shop.platform.adapters.security.Caller} — who is calling, and the token claims that say
 * so — for the web adapters of the business modules. The authorization server of the default
 * profile is dev-only ({@code platform.dev.security}).
 *
 * <p>The named interface {@code platform :: security} is the types annotated with it ({@code
 * Caller}, {@code AccessRefused}), not the package: the rest is public only for other parts of
 * the platform (the dev authorization server uses {@code SecurityProperties} and {@code SigningKey}).
 */
package io.seams.shop.platform.adapters.security;
