CREATE TABLE billing.invoice (id BIGSERIAL PRIMARY KEY, order_id UUID NOT NULL);
CREATE FUNCTION billing.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
