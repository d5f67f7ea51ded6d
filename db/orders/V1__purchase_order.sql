-- Orders and their lines. SKUs are copied values, not references: the catalog's and inventory's
-- tables belong to their modules, and no foreign key leaves this schema.
CREATE TABLE orders.purchase_order (
    id               UUID PRIMARY KEY,
    status           TEXT NOT NULL CHECK (status IN ('PLACED', 'RESERVED', 'REJECTED')),
    rejection_reason TEXT,
    total_amount     NUMERIC(19, 2) NOT NULL CHECK (total_amount >= 0),
    total_currency   CHAR(3) NOT NULL,
    placed_at        TIMESTAMPTZ NOT NULL,
    version          BIGINT NOT NULL
);

CREATE TABLE orders.order_line (
    order_id            UUID NOT NULL REFERENCES orders.purchase_order (id),
    line_number         INT NOT NULL,
    sku                 TEXT NOT NULL,
    product_name        TEXT NOT NULL,
    quantity            INT NOT NULL CHECK (quantity > 0),
    unit_price_amount   NUMERIC(19, 2) NOT NULL CHECK (unit_price_amount >= 0),
    unit_price_currency CHAR(3) NOT NULL,
    PRIMARY KEY (order_id, line_number),
    UNIQUE (order_id, sku)
);
