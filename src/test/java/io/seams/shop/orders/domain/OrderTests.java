package io.seams.shop.orders.domain;

import static io.seams.shop.orders.domain.OrderExamples.ADA;
import static io.seams.shop.orders.domain.OrderExamples.ADAS_ADDRESS;
import static io.seams.shop.orders.domain.OrderExamples.NOW;
import static io.seams.shop.orders.domain.OrderExamples.aConfirmedOrder;
import static io.seams.shop.orders.domain.OrderExamples.aPlacedOrder;
import static io.seams.shop.orders.domain.OrderExamples.aRejectedOrder;
import static io.seams.shop.orders.domain.OrderExamples.aReservedOrder;
import static io.seams.shop.orders.domain.OrderExamples.aShippedOrder;
import static io.seams.shop.orders.domain.OrderExamples.oneLogoTee;
import static io.seams.shop.orders.domain.OrderExamples.twoClassicMugs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.seams.shop.catalog.Sku;
import io.seams.shop.orders.OrderCancellationRequested;
import io.seams.shop.orders.OrderCancelled;
import io.seams.shop.orders.OrderConfirmed;
import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.OrderPlaced;
import io.seams.shop.orders.OrderRejected;
import io.seams.shop.orders.OrderReserved;
import io.seams.shop.platform.kernel.Money;
import io.seams.shop.platform.kernel.Transition;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTests {

    @Test
    void placingAnOrderTotalsItsLinesAndRecordsOrderPlaced() {
        var order = aPlacedOrder();

        assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(order.total()).isEqualTo(Money.of("49.80", "EUR"));
        assertThat(order.drainEvents())
                .containsExactly(new OrderPlaced(
                        order.getId(),
                        ADA,
                        List.of(
                                new OrderPlaced.Line(new Sku("MUG-CLASSIC"), 2),
                                new OrderPlaced.Line(new Sku("TEE-LOGO-M"), 1)),
                        Money.of("49.80", "EUR"),
                        NOW));
    }

    @Test
    void anOrderNeedsAtLeastOneLine() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Order.place(OrderId.random(), ADA, List.of(), ADAS_ADDRESS, "tok_visa", NOW))
                .withMessageContaining("at least one line");
    }

    @Test
    void anOrderHasOneLinePerSku() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Order.place(
                        OrderId.random(), ADA, List.of(twoClassicMugs(), twoClassicMugs()), ADAS_ADDRESS, "tok", NOW))
                .withMessageContaining("one line per SKU");
    }

    @Test
    void anOrderLineNeedsAPositiveQuantity() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OrderLine(new Sku("MUG-CLASSIC"), "Classic mug", 0, Money.of("1.00", "EUR")));
    }

    @Test
    void aReservedOrderAsksForItsPaymentOnce() {
        var order = aPlacedOrder();
        order.drainEvents();

        assertThat(order.markReserved(NOW).outcome()).isEqualTo(Transition.Outcome.APPLIED);
        assertThat(order.markReserved(NOW).outcome()).isEqualTo(Transition.Outcome.UNCHANGED);
        assertThat(order.drainEvents())
                .containsExactly(new OrderReserved(order.getId(), ADA, Money.of("49.80", "EUR"), "tok_visa", NOW));
    }

    @Test
    void aPaidOrderIsConfirmedWithItsShippingAddress() {
        var order = aReservedOrder();

        assertThat(order.confirmPayment(NOW).changedState()).isTrue();
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.drainEvents()).containsExactly(new OrderConfirmed(order.getId(), ADA, ADAS_ADDRESS, NOW));
    }

    @Test
    void aDeclinedPaymentCancelsTheReservedOrder() {
        var order = aReservedOrder();

        order.declinePayment("Card declined", NOW);

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.drainEvents())
                .containsExactly(new OrderCancelled(order.getId(), ADA, "Payment declined: Card declined", NOW));
    }

    @Test
    void aPlacedOrderIsRejectedWithItsReason() {
        var order = aPlacedOrder();
        order.drainEvents();

        assertThat(order.reject("Not enough stock", NOW).changedState()).isTrue();
        assertThat(order.reason()).isEqualTo("Not enough stock");
        assertThat(order.drainEvents()).containsExactly(new OrderRejected(order.getId(), ADA, "Not enough stock", NOW));
    }

    @Test
    void anOrderNotYetConfirmedIsCancelledAtOnce() {
        for (var order : List.of(aPlacedOrder(), aReservedOrder())) {
            order.drainEvents();
            assertThat(order.cancel("Changed my mind", NOW).changedState()).isTrue();
            assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(order.drainEvents())
                    .containsExactly(new OrderCancelled(order.getId(), ADA, "Changed my mind", NOW));
        }
    }

    @Test
    void aConfirmedOrderAsksShippingBeforeItIsCancelled() {
        var order = aConfirmedOrder();

        assertThat(order.cancel("Changed my mind", NOW).changedState()).isTrue();
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLATION_REQUESTED);
        assertThat(order.drainEvents())
                .containsExactly(new OrderCancellationRequested(order.getId(), ADA, "Changed my mind", NOW));

        assertThat(order.completeCancellation(NOW).changedState()).isTrue();
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.drainEvents()).containsExactly(new OrderCancelled(order.getId(), ADA, "Changed my mind", NOW));
    }

    @Test
    void aCancellationRequestedTooLateLosesToTheDispatch() {
        var order = aConfirmedOrder();
        order.cancel("Changed my mind", NOW);

        assertThat(order.markShipped().changedState()).isTrue();
        assertThat(order.completeCancellation(NOW).outcome()).isEqualTo(Transition.Outcome.REFUSED);
        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(order.reason()).isNull();
    }

    @Test
    void aDeliveryReportThatOvertakesTheDispatchReportStillCounts() {
        var order = aConfirmedOrder();

        assertThat(order.markDelivered().changedState()).isTrue();
        assertThat(order.markShipped().outcome()).isEqualTo(Transition.Outcome.UNCHANGED);
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
    }

    @Test
    void aShippedOrderCannotBeCancelled() {
        var order = aShippedOrder();

        var transition = order.cancel("Too late", NOW);

        assertThat(transition.outcome()).isEqualTo(Transition.Outcome.REFUSED);
        assertThat(transition.reason()).contains("SHIPPED");
        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void cancellingTwiceChangesNothingTheSecondTime() {
        var order = aPlacedOrder();
        order.cancel("Changed my mind", NOW);
        order.drainEvents();

        assertThat(order.cancel("Again", NOW).outcome()).isEqualTo(Transition.Outcome.UNCHANGED);
        assertThat(order.reason()).isEqualTo("Changed my mind");
        assertThat(order.drainEvents()).isEmpty();
    }

    @Test
    void aRejectedOrderCannotBeReservedNorCancelled() {
        var order = aRejectedOrder();

        assertThat(order.markReserved(NOW).outcome()).isEqualTo(Transition.Outcome.REFUSED);
        assertThat(order.cancel("why not", NOW).outcome()).isEqualTo(Transition.Outcome.REFUSED);
        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
    }

    @Test
    void aPaymentForACancelledOrderIsRefusedAndChangesNothing() {
        var order = aReservedOrder();
        order.cancel("Changed my mind", NOW);

        assertThat(order.confirmPayment(NOW).outcome()).isEqualTo(Transition.Outcome.REFUSED);
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void aShipmentMovesTheOrderToShippedThenDelivered() {
        var order = aConfirmedOrder();

        assertThat(order.markShipped().changedState()).isTrue();
        assertThat(order.markDelivered().changedState()).isTrue();
        assertThat(order.markShipped().outcome()).isEqualTo(Transition.Outcome.UNCHANGED);
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
    }

    @Test
    void ordersInDifferentCurrenciesCannotBeTotalled() {
        var inDollars = new OrderLine(new Sku("HOODIE-L"), "Hoodie (L)", 1, Money.of("49.00", "USD"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Order.place(
                        OrderId.random(), ADA, List.of(oneLogoTee(), inDollars), ADAS_ADDRESS, "tok_visa", NOW));
    }
}
