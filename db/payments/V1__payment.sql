-- One payment per order (the primary key makes a second authorisation impossible).
-- order_id is the orders module's id, kept as a value: no foreign key leaves this schema.
CREATE TABLE payments.payment (
    order_id          UUID PRIMARY KEY,
    amount            NUMERIC(19, 2),
    currency          CHAR(3),
    payment_token     TEXT,
    status            TEXT NOT NULL CHECK (status IN ('PENDING', 'AUTHORIZED', 'DECLINED', 'REFUNDED', 'VOIDED')),
    gateway_reference TEXT,
    reason            TEXT,
    version           BIGINT NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
