-- Customers erased: an order written for one of them after the erasure (a race between placing
-- and erasing) stores the anonymised address instead of the real one.
CREATE TABLE orders.erased_customer (
    customer_id UUID PRIMARY KEY,
    erased_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
