-- An Idempotency-Key is chosen by a client, so it is unique only among one customer's orders: two
-- customers who pick the same key ("checkout-1") place two orders, and neither learns that the
-- other used it. Keys claimed before this migration belong to the customer of the order they made.
ALTER TABLE orders.idempotency_key ADD COLUMN customer_id UUID;
UPDATE orders.idempotency_key AS claimed
SET customer_id = placed.customer_id
FROM orders.purchase_order AS placed
WHERE placed.id = claimed.order_id;
ALTER TABLE orders.idempotency_key
    ALTER COLUMN customer_id SET NOT NULL,
    DROP CONSTRAINT idempotency_key_pkey,
    ADD PRIMARY KEY (customer_id, key);
