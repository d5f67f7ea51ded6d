-- Customers erased: a shipment prepared for one of them after the erasure stores no address.
CREATE TABLE shipping.erased_customer (
    customer_id UUID PRIMARY KEY,
    erased_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
