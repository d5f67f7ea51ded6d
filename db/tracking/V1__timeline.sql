-- The read model: each step of an order once, in the order it happened. No personal data.
CREATE TABLE tracking.timeline_entry (
    order_id    UUID NOT NULL,
    step        TEXT NOT NULL,
    module      TEXT NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    detail      TEXT,
    recorded    BIGSERIAL NOT NULL,
    PRIMARY KEY (order_id, step)
);
