-- The module creates its own schema: a schema made in advance would fail with "already exists".
CREATE SCHEMA ordering;
CREATE TABLE ordering.purchase_order (
    id         UUID PRIMARY KEY,
    invoice_id BIGINT REFERENCES billing.invoice (id)
);
