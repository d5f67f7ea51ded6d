package io.seams.shop.payments.persistence;

import io.seams.shop.orders.OrderId;
import io.seams.shop.payments.domain.Payment;
import io.seams.shop.payments.domain.PaymentStatus;
import io.seams.shop.payments.domain.Payments;
import io.seams.shop.platform.kernel.AggregateEvents;
import io.seams.shop.platform.kernel.Money;
import java.util.Currency;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
@RequiredArgsConstructor
class JdbcPayments implements Payments {

    private final JdbcClient jdbc;
    private final AggregateEvents events;

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Payment> lockFor(OrderId order) {
        return jdbc.sql("""
                        SELECT amount, currency, payment_token, status, gateway_reference, reason, version
                        FROM payments.payment WHERE order_id = ? FOR UPDATE""")
                .param(order.id())
                .query((row, number) -> Payment.restore(new Payment.Snapshot(
                        order,
                        row.getBigDecimal("amount") == null
                                ? null
                                : new Money(
                                        row.getBigDecimal("amount"), Currency.getInstance(row.getString("currency"))),
                        row.getString("payment_token"),
                        PaymentStatus.valueOf(row.getString("status")),
                        row.getString("gateway_reference"),
                        row.getString("reason"),
                        row.getLong("version"))))
                .optional();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean add(Payment payment) {
        var state = payment.snapshot();
        var amount = state.amount();
        return jdbc.sql("""
                        INSERT INTO payments.payment
                            (order_id, amount, currency, payment_token, status, reason, version, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, 0, now())
                        ON CONFLICT (order_id) DO NOTHING""")
                        .params(
                                payment.getId().id(),
                                amount == null ? null : amount.amount(),
                                amount == null ? null : amount.currency().getCurrencyCode(),
                                state.paymentToken(),
                                state.status().name(),
                                state.reason())
                        .update()
                == 1;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void update(Payment payment) {
        int updated = jdbc.sql("""
                        UPDATE payments.payment
                        SET status = ?, gateway_reference = ?, reason = ?, version = version + 1, updated_at = now()
                        WHERE order_id = ? AND version = ?""")
                .params(
                        payment.status().name(),
                        payment.snapshot().gatewayReference(),
                        payment.reason(),
                        payment.getId().id(),
                        payment.version())
                .update();
        events.updated(payment, updated);
    }
}
