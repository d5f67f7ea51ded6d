-- Seeded: a grant and a search path that reach into billing's schema without naming one of its tables.
GRANT USAGE ON SCHEMA billing TO PUBLIC;
SET search_path TO billing;
ALTER TABLE invoice ADD COLUMN ordered_at TIMESTAMPTZ;
RESET search_path;
