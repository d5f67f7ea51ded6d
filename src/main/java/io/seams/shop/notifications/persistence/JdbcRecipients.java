package io.seams.shop.notifications.persistence;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.notifications.domain.Recipient;
import io.seams.shop.notifications.domain.Recipients;
import io.seams.shop.orders.OrderId;
import io.seams.shop.platform.adapters.database.TransactionLocks;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
@RequiredArgsConstructor
class JdbcRecipients implements Recipients {

    private final JdbcClient jdbc;
    private final TransactionLocks locks;

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void save(Recipient recipient, Instant asOf) {
        jdbc.sql("""
                        INSERT INTO notifications.recipient (customer_id, name, email, as_of) VALUES (?, ?, ?, ?)
                        ON CONFLICT (customer_id) DO UPDATE SET name = excluded.name, email = excluded.email,
                            as_of = excluded.as_of
                        WHERE NOT notifications.recipient.erased AND notifications.recipient.as_of < excluded.as_of""")
                .params(recipient.customerId().id(), recipient.name(), recipient.email(), Timestamp.from(asOf))
                .update();
    }

    @Override
    public Optional<Recipient> find(CustomerId customer) {
        return jdbc.sql("SELECT name, email, erased FROM notifications.recipient WHERE customer_id = ?")
                .param(customer.id())
                .query((row, number) -> new Recipient(
                        customer, row.getString("name"), row.getString("email"), row.getBoolean("erased")))
                .optional();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void rememberOrder(OrderId order, CustomerId customer) {
        jdbc.sql("""
                        INSERT INTO notifications.order_customer (order_id, customer_id) VALUES (?, ?)
                        ON CONFLICT (order_id) DO NOTHING""").params(order.id(), customer.id()).update();
    }

    @Override
    public Optional<CustomerId> customerOf(OrderId order) {
        return jdbc.sql("SELECT customer_id FROM notifications.order_customer WHERE order_id = ?")
                .param(order.id())
                .query((row, number) -> new CustomerId(row.getObject("customer_id", UUID.class)))
                .optional();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(CustomerId customer) {
        // The same lock as claiming a notification: no mail to this customer is recorded meanwhile.
        locks.lock("notifications.customer:" + customer.toString());
        var email = "erased-" + customer + "@invalid";
        jdbc.sql("""
                        INSERT INTO notifications.recipient (customer_id, name, email, erased) VALUES (?, 'erased', ?, true)
                        ON CONFLICT (customer_id) DO UPDATE SET name = 'erased', email = excluded.email, erased = true""").params(customer.id(), email).update();
        jdbc.sql("UPDATE notifications.sent_notification SET email = ? WHERE customer_id = ?")
                .params(email, customer.id())
                .update();
    }
}
