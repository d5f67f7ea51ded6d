-- Registration keys are forgotten after seams.idempotency-keys.retention, found by the time
-- they were claimed.
CREATE INDEX registration_key_created_at_idx ON customers.registration_key (created_at);
