-- Notifications' own copy of customers' contact details (personal data, erased on request),
-- whose order is whose, and what was sent: one notification of each kind per order.
CREATE TABLE notifications.recipient (
    customer_id UUID PRIMARY KEY,
    name        TEXT NOT NULL,
    email       TEXT NOT NULL,
    erased      BOOLEAN NOT NULL DEFAULT false,
    -- When these details were true: an older, redelivered change never overwrites a newer one.
    as_of       TIMESTAMPTZ NOT NULL DEFAULT '-infinity'
);

CREATE TABLE notifications.order_customer (
    order_id    UUID PRIMARY KEY,
    customer_id UUID NOT NULL
);

CREATE TABLE notifications.sent_notification (
    order_id    UUID NOT NULL,
    kind        TEXT NOT NULL,
    customer_id UUID NOT NULL,
    email       TEXT NOT NULL,
    sent_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (order_id, kind)
);
CREATE INDEX sent_notification_customer_idx ON notifications.sent_notification (customer_id);
