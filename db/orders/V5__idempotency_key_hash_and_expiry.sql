-- A client chooses its Idempotency-Key and may put personal data in it ("grace-hopper-checkout"),
-- which erasure could not find. The key is kept as the SHA-256 hash of its UTF-8 bytes, in
-- lower-case hex (as the customers module keeps registration keys); keys claimed before this
-- migration are hashed in place. Keys are forgotten after seams.idempotency-keys.retention,
-- found by the time they were claimed.
ALTER TABLE orders.idempotency_key ADD COLUMN key_hash TEXT;
UPDATE orders.idempotency_key SET key_hash = encode(sha256(convert_to(key, 'UTF8')), 'hex');
ALTER TABLE orders.idempotency_key
    DROP CONSTRAINT idempotency_key_pkey,
    DROP COLUMN key,
    ALTER COLUMN key_hash SET NOT NULL,
    ADD PRIMARY KEY (customer_id, key_hash);
CREATE INDEX idempotency_key_created_at_idx ON orders.idempotency_key (created_at);
