-- invoice_id is billing's id, kept without a foreign key into billing's invoice table.
CREATE TABLE purchase_order
(
    id         UUID PRIMARY KEY,
    invoice_id BIGINT
);
CREATE INDEX purchase_order_by_invoice ON purchase_order (invoice_id);
