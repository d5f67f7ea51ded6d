package io.seams.shop.orders.domain;

import static io.seams.shop.orders.domain.Orders.NOW;
import static io.seams.shop.orders.domain.Orders.aPlacedOrder;
import static io.seams.shop.orders.domain.Orders.aRejectedOrder;
import static io.seams.shop.orders.domain.Orders.aReservedOrder;
import static io.seams.shop.orders.domain.Orders.oneLogoTee;
import static io.seams.shop.orders.domain.Orders.twoClassicMugs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.seams.shop.catalog.Sku;
import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.OrderPlaced;
import io.seams.shop.platform.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTests {

    @Test
    void placingAnOrderTotalsItsLinesAndRecordsOrderPlaced() {
        var order = aPlacedOrder();

        assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(order.total()).isEqualTo(Money.of("49.80", "EUR"));
        assertThat(order.events().drain())
                .containsExactly(new OrderPlaced(
                        order.getId(),
                        List.of(
                                new OrderPlaced.Line(new Sku("MUG-CLASSIC"), 2),
                                new OrderPlaced.Line(new Sku("TEE-LOGO-M"), 1)),
                        Money.of("49.80", "EUR"),
                        NOW));
    }

    @Test
    void anOrderNeedsAtLeastOneLine() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Order.place(OrderId.random(), List.of(), NOW))
                .withMessageContaining("at least one line");
    }

    @Test
    void anOrderHasOneLinePerSku() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Order.place(OrderId.random(), List.of(twoClassicMugs(), twoClassicMugs()), NOW))
                .withMessageContaining("one line per SKU");
    }

    @Test
    void anOrderLineNeedsAPositiveQuantity() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OrderLine(new Sku("MUG-CLASSIC"), "Classic mug", 0, Money.of("1.00", "EUR")));
    }

    @Test
    void aPlacedOrderBecomesReservedOnce() {
        var order = aPlacedOrder();

        assertThat(order.markReserved().outcome()).isEqualTo(Transition.Outcome.APPLIED);
        assertThat(order.markReserved().outcome()).isEqualTo(Transition.Outcome.UNCHANGED);
        assertThat(order.status()).isEqualTo(OrderStatus.RESERVED);
    }

    @Test
    void aPlacedOrderIsRejectedWithItsReason() {
        var order = aPlacedOrder();

        assertThat(order.reject("Not enough stock").changedState()).isTrue();
        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.rejectionReason()).isEqualTo("Not enough stock");
    }

    @Test
    void aRejectedOrderCannotBeReserved() {
        var order = aRejectedOrder();

        var transition = order.markReserved();

        assertThat(transition.outcome()).isEqualTo(Transition.Outcome.REFUSED);
        assertThat(transition.reason()).contains("rejected");
        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
    }

    @Test
    void aReservedOrderCannotBeRejected() {
        var order = aReservedOrder();

        assertThat(order.reject("late answer").outcome()).isEqualTo(Transition.Outcome.REFUSED);
        assertThat(order.status()).isEqualTo(OrderStatus.RESERVED);
        assertThat(order.rejectionReason()).isNull();
    }

    @Test
    void ordersInDifferentCurrenciesCannotBeTotalled() {
        var inDollars = new OrderLine(new Sku("HOODIE-L"), "Hoodie (L)", 1, Money.of("49.00", "USD"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Order.place(OrderId.random(), List.of(oneLogoTee(), inDollars), NOW));
    }
}
