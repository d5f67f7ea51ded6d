-- The full lifecycle: who ordered, how they pay, where it goes, and why it was rejected or
-- cancelled. The customer is referenced by id only; the address is the order's own copy.
ALTER TABLE orders.purchase_order
    ADD COLUMN customer_id         UUID NOT NULL DEFAULT 'c0ffee00-0000-4000-8000-000000000001',
    ADD COLUMN payment_token       TEXT NOT NULL DEFAULT 'tok_visa',
    ADD COLUMN ship_to_recipient   TEXT,
    ADD COLUMN ship_to_street      TEXT,
    ADD COLUMN ship_to_postal_code TEXT,
    ADD COLUMN ship_to_city        TEXT,
    ADD COLUMN ship_to_country     TEXT;
ALTER TABLE orders.purchase_order ALTER COLUMN customer_id DROP DEFAULT, ALTER COLUMN payment_token DROP DEFAULT;
-- Orders placed before this migration were the demo customer's: they ship to her address.
UPDATE orders.purchase_order
SET ship_to_recipient = 'Ada Lovelace', ship_to_street = '12 St James''s Square', ship_to_postal_code = 'SW1Y 4JH',
    ship_to_city = 'London', ship_to_country = 'GB'
WHERE ship_to_street IS NULL;
ALTER TABLE orders.purchase_order RENAME COLUMN rejection_reason TO reason;
ALTER TABLE orders.purchase_order DROP CONSTRAINT purchase_order_status_check;
ALTER TABLE orders.purchase_order ADD CONSTRAINT purchase_order_status_check
    CHECK (status IN ('PLACED', 'RESERVED', 'CONFIRMED', 'CANCELLATION_REQUESTED', 'SHIPPED', 'DELIVERED', 'REJECTED',
                      'CANCELLED'));

CREATE INDEX purchase_order_awaiting_confirmation_idx ON orders.purchase_order (placed_at)
    WHERE status IN ('PLACED', 'RESERVED');
CREATE INDEX purchase_order_customer_idx ON orders.purchase_order (customer_id);

-- Idempotency-Key of POST /api/orders: one order per key, and the request it was sent with.
CREATE TABLE orders.idempotency_key (
    key         TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    order_id    UUID NOT NULL REFERENCES orders.purchase_order (id),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
