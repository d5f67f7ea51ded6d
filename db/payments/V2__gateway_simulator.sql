-- The payment simulator's own ledger. A real gateway keeps this on its side and deduplicates by the
-- idempotency key it is given (the order id); the simulator keeps it here so that its answers
-- survive a restart and are shared by replicas, as a real gateway's would be.
CREATE TABLE payments.simulated_authorization (
    order_id      UUID PRIMARY KEY,
    approved      BOOLEAN NOT NULL,
    reference     TEXT,
    reason        TEXT,
    amount        NUMERIC(19, 2) NOT NULL,
    currency      CHAR(3) NOT NULL,
    times_asked   INT NOT NULL DEFAULT 1,
    released      BOOLEAN NOT NULL DEFAULT FALSE,
    refunded      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
