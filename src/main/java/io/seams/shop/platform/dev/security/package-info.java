/**
 * Dev-only: the embedded OAuth2 authorization server and its demo accounts ({@code
 * seams.security.embedded-authorization-server.enabled}, off in {@code prod}, where tokens come from
 * your identity provider). The accounts' tokens carry the claims {@link
 * io.seams.shop.platform.adapters.security.Caller} defines.
 */
package io.seams.shop.platform.dev.security;
