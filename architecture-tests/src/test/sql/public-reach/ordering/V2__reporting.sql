-- Seeded: a schema no module owns, and a search path that reaches billing after ordering's own.
CREATE SCHEMA IF NOT EXISTS reporting;
SET search_path = ordering, billing;
RESET search_path;
