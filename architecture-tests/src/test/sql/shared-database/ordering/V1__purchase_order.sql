-- Every module in public: a foreign key, a view and two triggers tie ordering's table to billing's.
CREATE TABLE purchase_order (
    id         UUID PRIMARY KEY,
    invoice_id BIGINT REFERENCES invoice (id)
);
CREATE VIEW invoiced_orders AS
    SELECT o.id, i.id AS invoice FROM purchase_order o JOIN invoice i ON i.id = o.invoice_id;
CREATE TRIGGER touch_invoice BEFORE INSERT ON purchase_order
    FOR EACH ROW EXECUTE FUNCTION touch();
CREATE FUNCTION count_invoices() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM count(*) FROM invoice WHERE id = NEW.invoice_id;
    RETURN NEW;
END
$$;
CREATE TRIGGER count_invoices BEFORE UPDATE ON purchase_order
    FOR EACH ROW EXECUTE FUNCTION count_invoices();
-- ordering's own view and trigger function are its own.
CREATE VIEW open_orders AS SELECT id FROM purchase_order WHERE invoice_id IS NULL;
