package io.seams.shop.platform.adapters.security;

import org.springframework.modulith.NamedInterface;

/**
 * A request refused before it reached the API: no valid token (401) or a role that does not allow
 * it (403). Published for the audit trail; it carries no token, only whose it was if known.
 *
 * @param actor the token's subject, or {@code anonymous}
 * @param method the HTTP method
 * @param path the path asked for
 * @param status 401 or 403
 */
@NamedInterface("security")
public record AccessRefused(String actor, String method, String path, int status) {}
