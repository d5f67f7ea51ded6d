/**
 * Everything that is not business logic, in parts whose names say what they are for:
 *
 * <ul>
 *   <li>{@code kernel}: the few value types every module may use ({@link
 *       io.seams.shop.platform.kernel.Money}, {@link io.seams.shop.platform.kernel.Aggregate});
 *       (the root package itself holds only the platform's configuration and {@link
 *       AllowedInTransaction}, the escape hatch of fitness rule 7);
 *   <li>{@code adapters}: how Seams meets the outside world in every topology — HTTP problems
 *       ({@code web}), the OAuth2 resource server ({@code security}), each module's schema
 *       migrations and transaction locks ({@code database});
 *   <li>{@code events}: the in-process event machinery — listener pools and their backpressure,
 *       failure handling, resubmission, publication metrics;
 *   <li>{@code distribution}: what lets modules run apart — the topology, remote module APIs and
 *       the Kafka bridge with its inbox;
 *   <li>{@code dev}: conveniences for development and demos (embedded PostgreSQL, SMTP,
 *       authorization server, demo accounts) that exist only where configuration asks for them.
 * </ul>
 *
 * Business modules may use the named interfaces {@code platform :: kernel}, {@code web}, {@code
 * security} and {@code database}; the platform never depends on them (docs/adr/0015).
 */
@ApplicationModule(
        displayName = "Platform",
        allowedDependencies = {})
package io.seams.shop.platform;

import org.springframework.modulith.ApplicationModule;
