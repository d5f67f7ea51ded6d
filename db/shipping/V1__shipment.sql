-- One shipment per order. The address is shipping's own copy (personal data, erased on request);
-- order and customer are referenced by id only. A shipment cancelled before it was prepared has
-- no address: it only marks the order as not to be shipped.
CREATE TABLE shipping.shipment (
    id              UUID PRIMARY KEY,
    order_id        UUID NOT NULL UNIQUE,
    customer_id     UUID NOT NULL,
    recipient       TEXT,
    street          TEXT,
    postal_code     TEXT,
    city            TEXT,
    country         TEXT,
    status          TEXT NOT NULL CHECK (status IN ('CREATED', 'DISPATCHED', 'DELIVERED', 'CANCELLED')),
    carrier         TEXT,
    tracking_number TEXT,
    version         BIGINT NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX shipment_customer_idx ON shipping.shipment (customer_id);
