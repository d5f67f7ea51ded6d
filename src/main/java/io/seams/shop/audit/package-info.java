/**
 * Audit: an append-only trail of security- and business-relevant actions — who did what, when,
 * to which order or customer. It records what the API was asked to change (with the caller from
 * the token), refusals of unauthenticated or forbidden requests, and what the system did on its
 * own (refunds, cancellations). Never card data, tokens or passwords. Operations read it; nothing
 * in the application changes or deletes an entry, and the database refuses to. Its API is what
 * operations read: {@link io.seams.shop.audit.AuditEntry}, over HTTP.
 */
@ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"platform :: kernel", "platform :: security", "orders", "payments", "customers"})
package io.seams.shop.audit;

import org.springframework.modulith.ApplicationModule;
