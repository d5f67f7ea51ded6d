package io.seams.shop.orders.application;

import io.seams.shop.catalog.Catalog;
import io.seams.shop.catalog.PriceList;
import io.seams.shop.catalog.Sku;
import io.seams.shop.customers.Customers;
import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.domain.Order;
import io.seams.shop.orders.domain.OrderLine;
import io.seams.shop.orders.domain.Orders;
import io.seams.shop.platform.kernel.Outcome;
import io.seams.shop.platform.kernel.Refusal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places orders. The catalog and customers are asked <em>before</em> the transaction starts: when
 * they run as remote services, a slow or failed call must not hold a database transaction open,
 * nor leave half an order behind. An {@code Idempotency-Key} is claimed in the same transaction as
 * the order, so a retried request never places a second order.
 *
 * <p>Applied: the order was placed. Unchanged: the same request came again with the same key, and
 * the order it placed the first time is the answer. Refused: nothing was placed, because the catalog
 * does not offer a product, the products are priced in several currencies, there is no such
 * customer, or the key was used before for another request.
 */
@Service
@RequiredArgsConstructor
public class OrderPlacement {

    private final Catalog catalog;
    private final Customers customers;
    private final Orders orders;
    private final IdempotencyKeys keys;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /** Places the order, once per customer and idempotency key if one is given. */
    public Outcome<Order> place(PlaceOrder request, Optional<String> idempotencyKey) {
        var earlier = idempotencyKey
                .flatMap(key -> keys.find(request.customerId(), key))
                .map(claim -> replay(claim, request));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        var prices = catalog.pricesOf(request.skus());
        if (!prices.isComplete()) {
            var skus = prices.unknownSkus().stream().map(Sku::value).sorted().toList();
            return Outcome.refused(Refusal.ofRequest(
                    "unknown-sku",
                    "Unknown product",
                    "The catalog does not offer " + String.join(", ", skus),
                    Map.of("unknownSkus", skus)));
        }
        var currencies = prices.entries().stream()
                .map(entry -> entry.price().currency().getCurrencyCode())
                .collect(Collectors.toSet());
        if (currencies.size() > 1) {
            var sorted = currencies.stream().sorted().toList();
            return Outcome.refused(Refusal.ofRequest(
                    "mixed-currencies",
                    "Mixed currencies",
                    "These products are priced in " + String.join(" and ", sorted)
                            + "; an order is paid in one currency",
                    Map.of("currencies", sorted)));
        }
        var shipTo = customers.shippingAddressOf(request.customerId());
        if (shipTo.isEmpty()) {
            return Outcome.refused(Refusal.ofRequest(
                    "unknown-customer",
                    "Unknown customer",
                    "There is no customer " + request.customerId(),
                    Map.of("customerId", request.customerId().toString())));
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
                var claim = new IdempotencyKeys.Claim(
                        request.customerId(),
                        idempotencyKey.get(),
                        request.fingerprint(),
                        order.getId(),
                        order.placedAt());
                if (!keys.claim(claim)) {
                    // A concurrent request with the same key won: undo this order, answer with that one's.
                    status.setRollbackOnly();
                    return replay(keys.find(claim.customerId(), claim.key()).orElseThrow(), request);
                }
            }
            return Outcome.applied(order);
        });
    }

    private Outcome<Order> replay(IdempotencyKeys.Claim claim, PlaceOrder request) {
        if (!claim.fingerprint().equals(request.fingerprint())) {
            return Outcome.refused(Refusal.idempotencyKeyReused(claim.key()));
        }
        return Outcome.unchanged(orders.findById(claim.orderId()).orElseThrow());
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
