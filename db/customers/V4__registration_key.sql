-- Idempotency-Key of POST /api/customers: one customer per key and registrar (the staff member who
-- sent it; clients choose keys, so two registrars may choose the same one), and a fingerprint of the
-- profile it came with. The key is kept as its SHA-256 hash, since a client may have put personal
-- data in it; erasure overwrites the fingerprint, which was computed from personal data.
CREATE TABLE customers.registration_key (
    registrar   TEXT NOT NULL,
    key_hash    TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    customer_id UUID NOT NULL REFERENCES customers.customer (id),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (registrar, key_hash)
);

CREATE INDEX registration_key_customer_idx ON customers.registration_key (customer_id);
