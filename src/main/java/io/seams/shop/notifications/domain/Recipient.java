package io.seams.shop.notifications.domain;

import io.seams.shop.customers.CustomerId;
import org.jmolecules.ddd.types.ValueObject;

/**
 * Whom to write to: notifications' copy of a customer's contact details.
 *
 * @param customerId the customer
 * @param name the customer's name
 * @param email the customer's address
 * @param erased whether the customer was erased (nobody is left to write to)
 */
public record Recipient(CustomerId customerId, String name, String email, boolean erased) implements ValueObject {}
