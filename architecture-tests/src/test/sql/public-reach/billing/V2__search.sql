-- Seeded: an extension is an object of the whole database, not of the module's schema.
CREATE EXTENSION IF NOT EXISTS "pg_trgm" SCHEMA billing;
-- create extension in a comment is no statement
COMMENT ON TABLE billing.invoice IS 'Searched with pg_trgm: CREATE EXTENSION pg_trgm is no statement here';
