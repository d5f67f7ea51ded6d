package io.seams.shop.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.seams.shop.catalog.Sku;
import io.seams.shop.customers.CustomerErased;
import io.seams.shop.customers.CustomerId;
import io.seams.shop.customers.ShippingAddress;
import io.seams.shop.inventory.StockReservationRejected;
import io.seams.shop.inventory.StockReserved;
import io.seams.shop.orders.application.OrderCancellation;
import io.seams.shop.orders.application.OrderPlacement;
import io.seams.shop.orders.application.PlaceOrder;
import io.seams.shop.orders.domain.Order;
import io.seams.shop.orders.domain.OrderStatus;
import io.seams.shop.orders.domain.Orders;
import io.seams.shop.payments.PaymentAuthorized;
import io.seams.shop.platform.adapters.security.Caller;
import io.seams.shop.platform.kernel.Money;
import io.seams.shop.platform.kernel.Outcome;
import io.seams.shop.platform.kernel.Refusal;
import io.seams.shop.shipping.ShipmentDispatched;
import io.seams.shop.shipping.ShipmentId;
import io.seams.shop.testing.EventPublications;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

/** Orders on its own: the catalog answers through its API at fixed prices; inventory's answers are published by the tests. */
@ApplicationModuleTest(verifyAutomatically = false)
@Import(NeighbourApis.class)
@TestPropertySource(properties = "seams.idempotency-keys.expiry-interval=PT0.2S")
class OrdersModuleTests {

    static final Sku MUG = new Sku("MUG-CLASSIC");

    @Autowired
    OrderPlacement placement;

    @Autowired
    Orders orders;

    @Autowired
    JdbcClient jdbc;

    @Test
    @Tag("ex-02")
    void placingAnOrderPricesItFromTheCatalogAndPublishesOrderPlaced(Scenario scenario) {
        scenario.stimulate(() -> placement.place(
                        new PlaceOrder(CustomerId.DEMO, "tok_visa", List.of(new PlaceOrder.Line(MUG, 2))),
                        Optional.empty()))
                .andWaitForEventOfType(OrderPlaced.class)
                .toArriveAndVerify((event, placed) -> {
                    var order = placed(placed);
                    assertThat(event.orderId()).isEqualTo(order.getId());
                    assertThat(event.lines()).containsExactly(new OrderPlaced.Line(MUG, 2));
                    assertThat(event.total()).isEqualTo(Money.of("25.80", "EUR"));
                    assertThat(orders.findById(order.getId()))
                            .hasValueSatisfying(
                                    stored -> assertThat(stored.status()).isEqualTo(OrderStatus.PLACED));
                });
    }

    @Test
    void anIdempotencyKeyIsKeptOnlyAsItsHashAndForgottenAfterItsRetention() {
        var request = new PlaceOrder(CustomerId.DEMO, "tok_visa", List.of(new PlaceOrder.Line(MUG, 1)));
        var key = Optional.of("checkout-of-grace-hopper");
        var first = placed(placement.place(request, key));
        assertThat(placement.place(request, key))
                .isInstanceOfSatisfying(
                        Outcome.Unchanged.class,
                        replayed ->
                                assertThat(((Order) replayed.result()).getId()).isEqualTo(first.getId()));
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM orders.idempotency_key
                        WHERE key_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')""").param(key.get()).query(Long.class).single())
                .as("the key is kept as the hash V5__idempotency_key_hash_and_expiry.sql computes for older keys")
                .isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM orders.idempotency_key AS k WHERE k::text LIKE '%grace-hopper%'")
                        .query(Long.class)
                        .single())
                .as("the client's key itself is stored nowhere")
                .isZero();

        jdbc.sql(
                        "UPDATE orders.idempotency_key SET created_at = created_at - INTERVAL '7 days 1 minute' WHERE order_id = ?")
                .param(first.getId().id())
                .update();
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> jdbc.sql("SELECT count(*) FROM orders.idempotency_key WHERE order_id = ?")
                                .param(first.getId().id())
                                .query(Long.class)
                                .single(),
                        count -> count == 0);

        var placedAgain = placed(placement.place(request, key));
        assertThat(placedAgain.getId())
                .as("a retry after the key's retention is a new request")
                .isNotEqualTo(first.getId());
    }

    @Test
    void onlyTheCustomerWhoPlacedAnOrderOrStaffMayCancelIt(@Autowired OrderCancellation cancellation) {
        var order = placeAnOrder(new PlaceOrder.Line(MUG, 1));
        var alan = new Caller(
                "alan", Optional.of(UUID.fromString("c0ffee00-0000-4000-8000-000000000002")), Set.of(Caller.CUSTOMER));
        var ada = new Caller("ada", Optional.of(CustomerId.DEMO.id()), Set.of(Caller.CUSTOMER));

        assertThat(cancellation.cancelFor(order.getId(), alan))
                .isEqualTo(
                        Outcome.refused(Refusal.notFound("Order", order.getId().id())));
        assertThat(orders.findById(order.getId()).orElseThrow().status()).isEqualTo(OrderStatus.PLACED);

        assertThat(cancellation.cancelFor(order.getId(), ada)).isInstanceOf(Outcome.Applied.class);
        assertThat(cancellation.cancelFor(order.getId(), ada)).isInstanceOf(Outcome.Unchanged.class);
        assertThat(statusOf(order)).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void linesForTheSameSkuAreMergedIntoOne() {
        var placed = placeAnOrder(new PlaceOrder.Line(MUG, 1), new PlaceOrder.Line(MUG, 2));

        assertThat(placed.lines())
                .singleElement()
                .satisfies(line -> assertThat(line.quantity()).isEqualTo(3));
    }

    @Test
    @Tag("ex-02")
    void anOrderWithAnUnknownSkuIsNotPlacedAndNamesTheSku() {
        var ordersBefore = countOrders();

        var outcome = placement.place(
                new PlaceOrder(
                        CustomerId.DEMO,
                        "tok_visa",
                        List.of(new PlaceOrder.Line(MUG, 1), new PlaceOrder.Line(new Sku("NO-SUCH-THING"), 1))),
                Optional.empty());

        assertThat(outcome)
                .isEqualTo(Outcome.refused(Refusal.ofRequest(
                        "unknown-sku",
                        "Unknown product",
                        "The catalog does not offer NO-SUCH-THING",
                        Map.of("unknownSkus", List.of("NO-SUCH-THING")))));
        assertThat(countOrders()).isEqualTo(ordersBefore);
    }

    @Test
    void reservedStockMovesThePlacedOrderToReserved(Scenario scenario) {
        var order = placeAnOrder(new PlaceOrder.Line(MUG, 1));

        scenario.publish(new StockReserved(order.getId(), Instant.now()))
                .andWaitForStateChange(() -> statusOf(order), OrderStatus.RESERVED::equals)
                .andVerify(status -> assertThat(status).isEqualTo(OrderStatus.RESERVED));
    }

    @Test
    void aRejectedReservationRejectsTheOrderWithItsReason(Scenario scenario) {
        var order = placeAnOrder(new PlaceOrder.Line(MUG, 1));

        scenario.publish(new StockReservationRejected(order.getId(), "Not enough stock", Instant.now()))
                .andWaitForStateChange(() -> statusOf(order), OrderStatus.REJECTED::equals)
                .andVerify(status -> assertThat(
                                orders.findById(order.getId()).orElseThrow().reason())
                        .isEqualTo("Not enough stock"));
    }

    @Test
    @Tag("ex-03")
    void aDispatchedShipmentMovesTheConfirmedOrderToShipped(Scenario scenario) {
        var order = placeAnOrder(new PlaceOrder.Line(MUG, 1));
        scenario.publish(new StockReserved(order.getId(), Instant.now()))
                .andWaitForStateChange(() -> statusOf(order), OrderStatus.RESERVED::equals);
        scenario.publish(new PaymentAuthorized(order.getId(), Money.of("12.90", "EUR"), Instant.now()))
                .andWaitForStateChange(() -> statusOf(order), OrderStatus.CONFIRMED::equals);

        scenario.publish(new ShipmentDispatched(
                        order.getId(), new ShipmentId(UUID.randomUUID()), "DHL", "JD0146", Instant.now()))
                .andWaitForStateChange(() -> EventPublications.incomplete(jdbc), count -> count == 0)
                .andVerify(count -> assertThat(statusOf(order))
                        .as("the order once orders has heard of its shipment's dispatch")
                        .isEqualTo(OrderStatus.SHIPPED));
    }

    @Test
    void aRedeliveredAnswerChangesNothing(Scenario scenario) {
        var order = placeAnOrder(new PlaceOrder.Line(MUG, 1));
        var reserved = new StockReserved(order.getId(), Instant.now());

        scenario.publish(reserved).andWaitForStateChange(() -> statusOf(order), OrderStatus.RESERVED::equals);
        scenario.publish(reserved)
                .andWaitForStateChange(() -> EventPublications.incomplete(jdbc), count -> count == 0)
                .andVerify(count -> assertThat(
                                orders.findById(order.getId()).orElseThrow().version())
                        .isEqualTo(1));
    }

    @Test
    void aLateRejectionOfAReservedOrderIsRefusedAndChangesNothing(Scenario scenario) {
        var order = placeAnOrder(new PlaceOrder.Line(MUG, 1));
        scenario.publish(new StockReserved(order.getId(), Instant.now()))
                .andWaitForStateChange(() -> statusOf(order), OrderStatus.RESERVED::equals);

        scenario.publish(new StockReservationRejected(order.getId(), "too late", Instant.now()))
                .andWaitForStateChange(() -> EventPublications.incomplete(jdbc), count -> count == 0)
                .andVerify(count -> assertThat(statusOf(order)).isEqualTo(OrderStatus.RESERVED));
    }

    @Test
    void anAddressReadJustBeforeTheCustomerWasErasedIsNotKept(Scenario scenario) {
        scenario.publish(new CustomerErased(NeighbourApis.GRACE, Instant.now()))
                .andWaitForStateChange(() -> EventPublications.incomplete(jdbc), count -> count == 0);

        // The customers API still answers with the address, as it did a moment before the erasure.
        var order = placed(placement.place(
                new PlaceOrder(NeighbourApis.GRACE, "tok_visa", List.of(new PlaceOrder.Line(MUG, 1))),
                Optional.empty()));

        assertThat(orders.findById(order.getId()).orElseThrow().shipTo()).isEqualTo(ShippingAddress.ERASED);
    }

    @Test
    void productsPricedInDifferentCurrenciesAreNotOrderedTogether() {
        var outcome = placement.place(
                new PlaceOrder(
                        CustomerId.DEMO,
                        "tok_visa",
                        List.of(new PlaceOrder.Line(MUG, 1), new PlaceOrder.Line(new Sku("CAP-IMPORTED"), 1))),
                Optional.empty());

        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        assertThat(((Outcome.Refused<?>) outcome).refusal().facts()).containsEntry("currencies", List.of("EUR", "USD"));
    }

    @Test
    void ordersCannotTouchAnotherModulesTables() {
        assertThatThrownBy(() -> jdbc.sql("SELECT count(*) FROM inventory.stock")
                        .query(Long.class)
                        .single())
                .rootCause()
                .hasMessageContaining("permission denied for schema inventory");
    }

    private Order placeAnOrder(PlaceOrder.Line... lines) {
        return placed(placement.place(new PlaceOrder(CustomerId.DEMO, "tok_visa", List.of(lines)), Optional.empty()));
    }

    private static Order placed(Outcome<Order> placement) {
        assertThat(placement).isInstanceOf(Outcome.Applied.class);
        return ((Outcome.Applied<Order>) placement).result();
    }

    private OrderStatus statusOf(Order order) {
        return orders.findById(order.getId()).orElseThrow().status();
    }

    private long countOrders() {
        return jdbc.sql("SELECT count(*) FROM orders.purchase_order")
                .query(Long.class)
                .single();
    }
}
