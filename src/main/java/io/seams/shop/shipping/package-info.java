/**
 * Shipping: a shipment for every confirmed order, dispatched by staff with a carrier and
 * tracking number, then delivered. Cancelled with its order before dispatch.
 */
@ApplicationModule(
        displayName = "Shipping",
        allowedDependencies = {"platform :: kernel", "platform :: database", "platform :: web", "orders", "customers"})
package io.seams.shop.shipping;

import org.springframework.modulith.ApplicationModule;
