-- billing.invoice in a comment does not count.
CREATE TABLE ordering.purchase_order (
    id         UUID PRIMARY KEY,
    invoice_id BIGINT REFERENCES billing.invoice (id)
);
