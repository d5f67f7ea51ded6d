/**
 * Payments: authorises a reserved order's total against a payment gateway (a port; the bundled
 * adapter is a deterministic simulator), at most once per order, and refunds it when the order is
 * cancelled.
 */
@ApplicationModule(
        displayName = "Payments",
        allowedDependencies = {"platform :: kernel", "orders"})
package io.seams.shop.payments;

import org.springframework.modulith.ApplicationModule;
