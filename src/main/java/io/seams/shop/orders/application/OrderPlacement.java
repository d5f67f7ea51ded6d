package io.seams.shop.orders.application;

import io.seams.shop.catalog.Catalog;
import io.seams.shop.catalog.PriceList;
import io.seams.shop.customers.Customers;
import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.domain.IdempotencyKeys;
import io.seams.shop.orders.domain.Order;
import io.seams.shop.orders.domain.OrderLine;
import io.seams.shop.orders.domain.OrderRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places orders. The catalog and customers are asked <em>before</em> the transaction starts: when
 * they run as remote services, a slow or failed call must not hold a database transaction open,
 * nor leave half an order behind. An {@code Idempotency-Key} is claimed in the same transaction as
 * the order, so a retried request never places a second order.
 */
@Service
public class OrderPlacement {

    private final Catalog catalog;
    private final Customers customers;
    private final OrderRepository orders;
    private final IdempotencyKeys keys;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OrderPlacement(
            Catalog catalog,
            Customers customers,
            OrderRepository orders,
            IdempotencyKeys keys,
            TransactionTemplate transactions,
            Clock clock) {
        this.catalog = catalog;
        this.customers = customers;
        this.orders = orders;
        this.keys = keys;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Placement place(PlaceOrder request, Optional<String> idempotencyKey) {
        var earlier = idempotencyKey.flatMap(keys::find).map(claim -> replay(claim, request));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        var prices = catalog.pricesOf(request.skus());
        if (!prices.isComplete()) {
            return new Placement.UnknownProducts(prices.unknownSkus());
        }
        var currencies = prices.entries().stream()
                .map(entry -> entry.price().currency().getCurrencyCode())
                .collect(Collectors.toSet());
        if (currencies.size() > 1) {
            return new Placement.MixedCurrencies(currencies);
        }
        var shipTo = customers.shippingAddressOf(request.customerId());
        if (shipTo.isEmpty()) {
            return new Placement.UnknownCustomer(request.customerId());
        }
        var order = Order.place(
                OrderId.random(),
                request.customerId(),
                linesOf(request, prices),
                shipTo.get(),
                request.paymentToken(),
                clock.instant());
        return transactions.execute(status -> {
            orders.add(order);
            if (idempotencyKey.isPresent()) {
                var claim = new IdempotencyKeys.Claim(idempotencyKey.get(), request.fingerprint(), order.getId());
                if (!keys.claim(claim)) {
                    // A concurrent request with the same key won: undo this order, answer with that one's.
                    status.setRollbackOnly();
                    return replay(keys.find(claim.key()).orElseThrow(), request);
                }
            }
            return new Placement.Placed(order);
        });
    }

    private Placement replay(IdempotencyKeys.Claim claim, PlaceOrder request) {
        if (!claim.fingerprint().equals(request.fingerprint())) {
            return new Placement.KeyReused(claim.key());
        }
        return new Placement.Replayed(orders.findById(claim.orderId()).orElseThrow());
    }

    private static List<OrderLine> linesOf(PlaceOrder request, PriceList prices) {
        return request.lines().stream()
                .map(line -> {
                    var entry = prices.entryFor(line.sku()).orElseThrow();
                    return new OrderLine(line.sku(), entry.name(), line.quantity(), entry.price());
                })
                .toList();
    }
}
