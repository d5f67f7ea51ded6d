package io.seams.shop.orders.application;

import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.domain.Order;
import io.seams.shop.orders.domain.Orders;
import io.seams.shop.platform.adapters.security.Caller;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/** Finds an order for a caller: their own, or any for staff; another's is as if it did not exist. */
@Service
@RequiredArgsConstructor
public class FindOrder {

    private final Orders orders;

    public Optional<Order> find(OrderId id, Caller caller) {
        return orders.findById(id)
                .filter(order -> caller.actsFor(order.customerId().id()));
    }
}
