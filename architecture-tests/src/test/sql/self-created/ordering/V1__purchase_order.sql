-- One schema per folder, but this folder creates its schema itself: it must not be made in advance.
CREATE SCHEMA ordering;
CREATE TABLE ordering.purchase_order (id UUID PRIMARY KEY);
