-- Unqualified, in public like billing's tables: invoice in a comment does not count.
CREATE TABLE purchase_order
(
    id         UUID PRIMARY KEY,
    invoice_id BIGINT REFERENCES invoice (id),
    kind       TEXT
);
COMMENT ON COLUMN purchase_order.invoice_id IS 'the invoice from billing';
CREATE VIEW unfinished_publication AS SELECT id FROM event_publication WHERE completion_date IS NULL;
