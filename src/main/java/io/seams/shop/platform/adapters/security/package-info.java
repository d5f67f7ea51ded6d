/**
 * Authentication and authorisation: Seams as an OAuth2 resource server, and {@link
 * io.seams.shop.platform.adapters.security.Caller} — who is calling, and the token claims that say
 * so — for the web adapters of the business modules. The authorization server of the default
 * profile is dev-only ({@code platform.dev.security}).
 */
@NamedInterface("security")
package io.seams.shop.platform.adapters.security;

import org.springframework.modulith.NamedInterface;
