-- The audit trail: append-only. The trigger refuses every UPDATE and DELETE, whoever asks.
CREATE TABLE audit.entry (
    id          BIGSERIAL PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    order_id    UUID,
    customer_id UUID,
    detail      TEXT
);

CREATE INDEX entry_order ON audit.entry (order_id) WHERE order_id IS NOT NULL;
CREATE INDEX entry_customer ON audit.entry (customer_id) WHERE customer_id IS NOT NULL;

CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only';
END
$$;

CREATE TRIGGER entry_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit.entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
