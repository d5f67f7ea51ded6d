/**
 * Notifications: mails the customer when an order is confirmed, rejected or cancelled, shipped
 * and delivered — each once, however often its event arrives. Keeps its own copy of customers'
 * contact details, fed by the customers module's events.
 */
@ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {"platform :: kernel", "platform :: database", "orders", "shipping", "customers"})
package io.seams.shop.notifications;

import org.springframework.modulith.ApplicationModule;
