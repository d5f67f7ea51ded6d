package io.seams.shop.customers;

import java.time.Instant;
import org.jmolecules.event.types.DomainEvent;
import org.springframework.modulith.events.Externalized;

/**
 * A customer changed their profile.
 *
 * @param customerId the customer
 * @param name the customer's name now
 * @param email where to write to the customer now
 * @param occurredAt when the profile changed
 */
@Externalized("customers.CustomerProfileChanged.v1::#{customerId()}")
public record CustomerProfileChanged(CustomerId customerId, String name, String email, Instant occurredAt)
        implements DomainEvent {}
