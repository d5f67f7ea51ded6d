package io.seams.shop.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seams.shop.catalog.Sku;
import io.seams.shop.customers.CustomerId;
import io.seams.shop.inventory.domain.Stock;
import io.seams.shop.inventory.domain.Stocks;
import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.OrderPlaced;
import io.seams.shop.platform.kernel.Money;
import io.seams.shop.testing.EventPublications;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

@ApplicationModuleTest(verifyAutomatically = false)
class InventoryModuleTests {

    static final Sku MUG = new Sku("MUG-CLASSIC");
    static final Sku TEE = new Sku("TEE-LOGO-M");
    static final Sku HOODIE = new Sku("HOODIE-L");

    @Autowired
    Stocks stocks;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPlacedOrderWhoseLinesAreInStockGetsEveryLineReserved(Scenario scenario) {
        var mugs = stockOf(MUG);
        var tees = stockOf(TEE);
        var order = OrderId.random();

        scenario.publish(orderPlaced(order, new OrderPlaced.Line(MUG, 2), new OrderPlaced.Line(TEE, 1)))
                .andWaitForEventOfType(StockReserved.class)
                .matchingMappedValue(StockReserved::orderId, order)
                .toArrive();

        assertThat(stockOf(MUG).available()).isEqualTo(mugs.available() - 2);
        assertThat(stockOf(MUG).reserved()).isEqualTo(mugs.reserved() + 2);
        assertThat(stockOf(TEE).available()).isEqualTo(tees.available() - 1);
    }

    @Test
    void aPlacedOrderForMoreThanTheStockIsRejectedAndReservesNothing(Scenario scenario) {
        var mugs = stockOf(MUG);
        var hoodies = stockOf(HOODIE);
        var order = OrderId.random();
        var tooMany = hoodies.available() + 1;

        scenario.publish(orderPlaced(order, new OrderPlaced.Line(MUG, 1), new OrderPlaced.Line(HOODIE, tooMany)))
                .andWaitForEventOfType(StockReservationRejected.class)
                .matchingMappedValue(StockReservationRejected::orderId, order)
                .toArriveAndVerify(rejected -> assertThat(rejected.reason())
                        .isEqualTo("Not enough stock (HOODIE-L: %d requested, %d available)"
                                .formatted(tooMany, hoodies.available())));

        assertThat(stockOf(MUG).available()).isEqualTo(mugs.available());
        assertThat(stockOf(HOODIE).available()).isEqualTo(hoodies.available());
    }

    @Test
    void aRedeliveredOrderPlacedReservesItsStockOnlyOnce(Scenario scenario) {
        var mugs = stockOf(MUG);
        var event = orderPlaced(OrderId.random(), new OrderPlaced.Line(MUG, 3));

        scenario.publish(event).andWaitForEventOfType(StockReserved.class).toArrive();
        scenario.publish(event)
                .andWaitForStateChange(() -> EventPublications.incomplete(jdbc), count -> count == 0)
                .andVerify(count -> assertThat(stockOf(MUG).available()).isEqualTo(mugs.available() - 3));

        assertThat(jdbc.sql("SELECT count(*) FROM inventory.reservation WHERE order_id = ?")
                        .param(event.orderId().id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void inventoryCannotTouchAnotherModulesTables() {
        assertThatThrownBy(() -> jdbc.sql("SELECT count(*) FROM orders.purchase_order")
                        .query(Long.class)
                        .single())
                .rootCause()
                .hasMessageContaining("permission denied for schema orders");
    }

    private Stock stockOf(Sku sku) {
        return stocks.findById(sku).orElseThrow();
    }

    private static OrderPlaced orderPlaced(OrderId order, OrderPlaced.Line... lines) {
        return new OrderPlaced(order, CustomerId.DEMO, List.of(lines), Money.of("1.00", "EUR"), Instant.now());
    }
}
