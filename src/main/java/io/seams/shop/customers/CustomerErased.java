package io.seams.shop.customers;

import java.time.Instant;
import org.jmolecules.event.types.DomainEvent;
import org.springframework.modulith.events.Externalized;

/**
 * A customer exercised the right to be forgotten: every module replaces the personal data it
 * holds of this customer with anonymised values, and keeps its business records.
 *
 * @param customerId the erased customer
 * @param occurredAt when the erasure was requested
 */
@Externalized("customers.CustomerErased.v1::#{customerId()}")
public record CustomerErased(CustomerId customerId, Instant occurredAt) implements DomainEvent {}
