-- Seeded: a foreign key into a schema that no migration before this one created.
CREATE TABLE ordering.purchase_order (
    id         UUID PRIMARY KEY,
    invoice_id BIGINT REFERENCES invoicing.invoice (id)
);
