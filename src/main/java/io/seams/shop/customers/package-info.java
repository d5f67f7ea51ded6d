/**
 * Customers: profiles, shipping addresses and erasure (the right to be forgotten). Other modules
 * ask for a customer's shipping address through {@link io.seams.shop.customers.Customers}, and
 * learn of profile changes and erasures from its events.
 */
@ApplicationModule(
        displayName = "Customers",
        allowedDependencies = {"platform :: kernel", "platform :: web", "platform :: security", "platform :: database"})
package io.seams.shop.customers;

import org.springframework.modulith.ApplicationModule;
