CREATE TABLE billing.invoice (
    id BIGINT PRIMARY KEY
);
/* Seeded: a grant to every role, over three lines. */
GRANT SELECT
    ON ALL TABLES IN SCHEMA billing
    TO public;
