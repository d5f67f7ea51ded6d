package io.seams.shop.platform.adapters.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, as the validated token says: a customer (with the id of their customer
 * record), staff, or operations. Web adapters use it to decide what a caller may see and do.
 *
 * @param subject the token's subject
 * @param customerId the customer the caller is, if they are one
 * @param roles the caller's roles, of {@link #CUSTOMER}, {@link #STAFF} and {@link #OPS}
 */
@NamedInterface("security")
public record Caller(String subject, Optional<UUID> customerId, Set<String> roles) {

    public static final String CUSTOMER = "customer";
    public static final String STAFF = "staff";
    public static final String OPS = "ops";

    /** The token claim that lists the caller's roles: what an identity provider must issue. */
    public static final String ROLES_CLAIM = "roles";

    /** The token claim that carries the id of the customer record a customer caller is. */
    public static final String CUSTOMER_CLAIM = "customer_id";

    /** The caller of the current request. */
    public static Caller current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt token)) {
            throw new IllegalStateException("No authenticated caller on this thread");
        }
        return of(token);
    }

    static Caller of(Jwt token) {
        var roles = token.getClaimAsStringList(ROLES_CLAIM);
        return new Caller(
                token.getSubject(),
                Optional.ofNullable(token.getClaimAsString(CUSTOMER_CLAIM)).map(UUID::fromString),
                roles == null ? Set.of() : Set.copyOf(roles));
    }

    public boolean isStaff() {
        return roles.contains(STAFF);
    }

    /** Whether the caller may see and act on what belongs to this customer: the customer themself, or staff. */
    public boolean actsFor(UUID customer) {
        return isStaff() || customerId.filter(customer::equals).isPresent();
    }
}
