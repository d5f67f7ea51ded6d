package io.seams.shop.customers;

import java.time.Instant;
import org.jmolecules.event.types.DomainEvent;
import org.springframework.modulith.events.Externalized;

/**
 * A customer registered. Carries the contact details modules that write to customers keep a copy of.
 *
 * @param customerId the customer
 * @param name the customer's name
 * @param email where to write to the customer
 * @param occurredAt when the customer registered
 */
@Externalized("customers.CustomerRegistered.v1::#{customerId()}")
public record CustomerRegistered(CustomerId customerId, String name, String email, Instant occurredAt)
        implements DomainEvent {}
