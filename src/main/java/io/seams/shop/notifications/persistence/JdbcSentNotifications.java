package io.seams.shop.notifications.persistence;

import io.seams.shop.notifications.domain.NotificationKind;
import io.seams.shop.notifications.domain.Recipient;
import io.seams.shop.notifications.domain.SentNotifications;
import io.seams.shop.orders.OrderId;
import io.seams.shop.platform.adapters.database.TransactionLocks;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
@RequiredArgsConstructor
class JdbcSentNotifications implements SentNotifications {

    private final JdbcClient jdbc;
    private final TransactionLocks locks;

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(OrderId order, NotificationKind kind, Recipient recipient) {
        // Serialises with an erasure of the same customer (JdbcRecipients#erase takes the same lock).
        locks.lock("notifications.customer:" + recipient.customerId().toString());
        return jdbc.sql("""
                                INSERT INTO notifications.sent_notification (order_id, kind, customer_id, email, sent_at)
                                SELECT ?, ?, ?, ?, now()
                                WHERE NOT EXISTS (SELECT 1 FROM notifications.recipient
                                                  WHERE customer_id = ? AND erased)
                                ON CONFLICT (order_id, kind) DO NOTHING""")
                        .params(
                                order.id(),
                                kind.name(),
                                recipient.customerId().id(),
                                recipient.email(),
                                recipient.customerId().id())
                        .update()
                == 1;
    }
}
