package io.seams.shop.payments.domain;

import io.seams.shop.orders.OrderId;
import java.util.Optional;
import org.jmolecules.ddd.types.Repository;

/** Every order's payment. Saving publishes the events the payment raised. */
public interface Payments extends Repository<Payment, OrderId> {

    /** The order's payment, locked until the current transaction ends. */
    Optional<Payment> lockFor(OrderId order);

    /** Stores a new payment; false if the order has one already. */
    boolean add(Payment payment);

    void update(Payment payment);
}
