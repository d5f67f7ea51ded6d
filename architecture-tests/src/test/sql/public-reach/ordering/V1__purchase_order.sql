CREATE TABLE ordering.purchase_order (
    id UUID PRIMARY KEY
);
-- Seeded: a table in public, a schema no module owns, where every module can reach it; and a
-- grant to every role. A public.order_note in a comment does not count, nor GRANT ... TO PUBLIC.
CREATE TABLE public.order_note (
    order_id UUID PRIMARY KEY,
    note     TEXT NOT NULL
);
GRANT SELECT ON ordering.purchase_order TO PUBLIC;
GRANT SELECT ON ordering.purchase_order TO ordering_reader;
