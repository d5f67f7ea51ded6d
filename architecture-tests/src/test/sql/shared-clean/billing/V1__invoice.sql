-- The order is referenced by its id only: no foreign key into ordering's purchase_order.
CREATE TABLE IF NOT EXISTS invoice (id BIGSERIAL PRIMARY KEY, order_id UUID NOT NULL, total NUMERIC(19, 2));
CREATE VIEW open_invoice AS SELECT i.id, i.order_id FROM invoice i WHERE i.total IS NULL;
