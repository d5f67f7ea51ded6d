CREATE TABLE billing.invoice (id BIGSERIAL PRIMARY KEY, order_id UUID NOT NULL, total NUMERIC(19, 2));
