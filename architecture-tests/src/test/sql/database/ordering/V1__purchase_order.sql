CREATE TABLE ordering.purchase_order (
    id         UUID PRIMARY KEY,
    invoice_id BIGINT REFERENCES billing.invoice (id)
);
CREATE VIEW ordering.invoiced_orders AS
    SELECT o.id, i.id AS invoice FROM ordering.purchase_order o JOIN billing.invoice i ON i.id = o.invoice_id;
CREATE TRIGGER touch_invoice BEFORE INSERT ON ordering.purchase_order
    FOR EACH ROW EXECUTE FUNCTION billing.touch();
