CREATE SCHEMA ordering;
CREATE TABLE ordering.purchase_order (id UUID PRIMARY KEY);
