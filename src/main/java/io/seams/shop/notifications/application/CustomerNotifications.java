package io.seams.shop.notifications.application;

import io.seams.shop.customers.CustomerErased;
import io.seams.shop.customers.CustomerId;
import io.seams.shop.customers.CustomerProfileChanged;
import io.seams.shop.customers.CustomerRegistered;
import io.seams.shop.notifications.domain.Mailbox;
import io.seams.shop.notifications.domain.NotificationKind;
import io.seams.shop.notifications.domain.Recipient;
import io.seams.shop.notifications.domain.Recipients;
import io.seams.shop.notifications.domain.SentNotifications;
import io.seams.shop.orders.OrderCancelled;
import io.seams.shop.orders.OrderConfirmed;
import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.OrderPlaced;
import io.seams.shop.orders.OrderRejected;
import io.seams.shop.shipping.ShipmentDelivered;
import io.seams.shop.shipping.ShipmentDispatched;
import lombok.RequiredArgsConstructor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails customers about their orders. Each notification is claimed in the listener's transaction
 * before the mail goes out: a redelivered event finds it claimed and sends nothing; a failed send
 * rolls the claim back, and the event is handed over again later.
 */
@Component
@RequiredArgsConstructor
class CustomerNotifications {

    private final Recipients recipients;
    private final SentNotifications sent;
    private final Mailbox mailbox;

    @ApplicationModuleListener
    void on(CustomerRegistered event) {
        recipients.save(new Recipient(event.customerId(), event.name(), event.email(), false), event.occurredAt());
    }

    @ApplicationModuleListener
    void on(CustomerProfileChanged event) {
        recipients.save(new Recipient(event.customerId(), event.name(), event.email(), false), event.occurredAt());
    }

    @ApplicationModuleListener
    void on(CustomerErased event) {
        recipients.erase(event.customerId());
    }

    @ApplicationModuleListener
    void on(OrderPlaced event) {
        recipients.rememberOrder(event.orderId(), event.customerId());
    }

    @ApplicationModuleListener
    void on(OrderConfirmed event) {
        notify(event.orderId(), event.customerId(), NotificationKind.ORDER_CONFIRMED, event.orderId());
    }

    @ApplicationModuleListener
    void on(OrderRejected event) {
        notify(event.orderId(), event.customerId(), NotificationKind.ORDER_REJECTED, event.orderId(), event.reason());
    }

    @ApplicationModuleListener
    void on(OrderCancelled event) {
        notify(event.orderId(), event.customerId(), NotificationKind.ORDER_CANCELLED, event.orderId(), event.reason());
    }

    @ApplicationModuleListener
    void on(ShipmentDispatched event) {
        notify(
                event.orderId(),
                customerOf(event.orderId()),
                NotificationKind.ORDER_SHIPPED,
                event.orderId(),
                event.carrier(),
                event.trackingNumber());
    }

    @ApplicationModuleListener
    void on(ShipmentDelivered event) {
        notify(event.orderId(), customerOf(event.orderId()), NotificationKind.ORDER_DELIVERED, event.orderId());
    }

    private void notify(OrderId order, CustomerId customer, NotificationKind kind, Object... facts) {
        var recipient = recipients
                .find(customer)
                .orElseThrow(() -> new IllegalStateException("No contact details of customer " + customer + " yet"));
        if (recipient.erased()) {
            return;
        }
        if (sent.claim(order, kind, recipient)) {
            mailbox.send(
                    order + "." + kind,
                    recipient.email(),
                    kind.subject(),
                    "Dear " + recipient.name() + ",\n\n" + kind.body(facts));
        }
    }

    private CustomerId customerOf(OrderId order) {
        // OrderPlaced may still be on its way; failing here hands the event over again later.
        return recipients
                .customerOf(order)
                .orElseThrow(() -> new IllegalStateException("Order " + order + " is not known here yet"));
    }
}
