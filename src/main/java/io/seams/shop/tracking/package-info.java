/**
 * Tracking: a read model of every order's timeline, fed only by the events of the other modules
 * (CQRS). It holds no personal data.
 */
@ApplicationModule(
        displayName = "Tracking",
        allowedDependencies = {
            "platform :: kernel",
            "platform :: web",
            "platform :: security",
            "orders",
            "inventory",
            "payments",
            "shipping",
            "customers"
        })
package io.seams.shop.tracking;

import org.springframework.modulith.ApplicationModule;
