/**
 * Orders: the {@code Order} aggregate and its lifecycle. Placing an order asks the catalog for
 * current prices and publishes {@link io.seams.shop.orders.OrderPlaced}; inventory's answer
 * moves the order on.
 */
@ApplicationModule(
        displayName = "Orders",
        allowedDependencies = {
            "platform :: kernel",
            "platform :: database",
            "platform :: web",
            "platform :: security",
            "catalog",
            "customers",
            "inventory",
            "payments",
            "shipping"
        })
package io.seams.shop.orders;

import org.springframework.modulith.ApplicationModule;
