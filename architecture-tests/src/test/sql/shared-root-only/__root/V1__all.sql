-- Every table in __root, in public: the migrations tell no module's table.
CREATE TABLE invoice (id BIGSERIAL PRIMARY KEY, order_id UUID NOT NULL, total NUMERIC(19, 2));
CREATE TABLE purchase_order (id UUID PRIMARY KEY, invoice_id BIGINT REFERENCES invoice (id));
