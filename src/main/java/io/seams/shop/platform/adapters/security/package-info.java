/**
 * Authentication and authorisation: Seams as an OAuth2 resource server, the embedded
 * authorization server of the default profile, and {@link io.seams.shop.platform.adapters.security.Caller}
 * — who is calling — for the web adapters of the business modules.
 */
@NamedInterface("security")
package io.seams.shop.platform.adapters.security;

import org.springframework.modulith.NamedInterface;
