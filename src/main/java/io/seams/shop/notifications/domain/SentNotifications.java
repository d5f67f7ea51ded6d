package io.seams.shop.notifications.domain;

import io.seams.shop.orders.OrderId;
import org.jmolecules.ddd.annotation.Repository;

/** The notifications sent: one of each kind per order. */
@Repository
public interface SentNotifications {

    /**
     * Records that the notification is being sent, in the current transaction; false if it was
     * sent before (the caller then sends nothing).
     */
    boolean claim(OrderId order, NotificationKind kind, Recipient recipient);
}
