-- Seeded: an extension is an object of the whole database, not of the module's schema.
CREATE EXTENSION IF NOT EXISTS "pg_trgm" SCHEMA billing;
-- create extension in a comment is no statement
