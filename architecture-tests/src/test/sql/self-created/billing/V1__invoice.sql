-- The order is referenced by its id only: no foreign key into ordering.purchase_order.
CREATE TABLE billing.invoice (id BIGSERIAL PRIMARY KEY, order_id UUID NOT NULL);
CREATE VIEW billing.open_invoices AS SELECT id, order_id FROM billing.invoice;
