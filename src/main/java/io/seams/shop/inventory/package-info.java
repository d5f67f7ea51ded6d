/**
 * Inventory: stock per SKU and reservations for orders. On {@code OrderPlaced} it reserves every
 * line or none and answers with {@link io.seams.shop.inventory.StockReserved} or
 * {@link io.seams.shop.inventory.StockReservationRejected}.
 */
@ApplicationModule(
        displayName = "Inventory",
        allowedDependencies = {
            "platform :: kernel",
            "platform :: database",
            "platform :: web",
            "catalog",
            "orders",
            "shipping"
        })
package io.seams.shop.inventory;

import org.springframework.modulith.ApplicationModule;
