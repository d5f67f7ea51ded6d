package io.seams.shop.notifications.domain;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.orders.OrderId;
import java.time.Instant;
import java.util.Optional;
import org.jmolecules.ddd.annotation.Repository;

/** Customers' contact details, and whose order is whose. */
@Repository
public interface Recipients {

    /** Keeps the contact details as of the given instant; older details never replace newer ones. */
    void save(Recipient recipient, Instant asOf);

    Optional<Recipient> find(CustomerId customer);

    void rememberOrder(OrderId order, CustomerId customer);

    Optional<CustomerId> customerOf(OrderId order);

    /** Replaces the customer's contact details, here and in sent notifications, with anonymised ones. */
    void erase(CustomerId customer);
}
