-- Seeded: another module's table, changed through dynamic SQL, which no statement of this file names.
DO $$
BEGIN
    EXECUTE 'ALTER TABLE billing.invoice ADD COLUMN ordering_note TEXT';
END $$;
-- A value that only looks like a name is none: 'billing.invoice' as text.
INSERT INTO ordering.purchase_order_note (note) VALUES ('billing.invoice');
