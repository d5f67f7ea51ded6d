package io.seams.shop.orders.application;

import io.seams.shop.catalog.Catalog;
import io.seams.shop.catalog.PriceList;
import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.domain.Order;
import io.seams.shop.orders.domain.OrderLine;
import io.seams.shop.orders.domain.OrderRepository;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places orders. The catalog is asked for current prices <em>before</em> the transaction starts:
 * when the catalog runs as a remote service, a slow or failed call must not hold a database
 * transaction open, nor leave half an order behind.
 */
@Service
public class OrderPlacement {

    private final Catalog catalog;
    private final OrderRepository orders;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OrderPlacement(Catalog catalog, OrderRepository orders, TransactionTemplate transactions, Clock clock) {
        this.catalog = catalog;
        this.orders = orders;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Placement place(PlaceOrder request) {
        var prices = catalog.pricesOf(request.skus());
        if (!prices.isComplete()) {
            return new Placement.UnknownProducts(prices.unknownSkus());
        }
        var order = Order.place(OrderId.random(), linesOf(request, prices), clock.instant());
        transactions.executeWithoutResult(status -> orders.add(order));
        return new Placement.Placed(order);
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
