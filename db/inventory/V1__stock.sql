-- Stock per SKU. The CHECKs are the last line of defence: stock can never go negative.
CREATE TABLE inventory.stock (
    sku       TEXT PRIMARY KEY,
    available INT NOT NULL CHECK (available >= 0),
    reserved  INT NOT NULL CHECK (reserved >= 0),
    version   BIGINT NOT NULL DEFAULT 0
);

-- One decided reservation per order (the primary key makes a second decision impossible).
-- order_id is the orders module's id, kept as a value: no foreign key leaves this schema.
CREATE TABLE inventory.reservation (
    order_id   UUID PRIMARY KEY,
    status     TEXT NOT NULL CHECK (status IN ('RESERVED', 'REJECTED')),
    reason     TEXT,
    decided_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE inventory.reservation_line (
    order_id UUID NOT NULL REFERENCES inventory.reservation (order_id),
    sku      TEXT NOT NULL,
    quantity INT NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, sku)
);
