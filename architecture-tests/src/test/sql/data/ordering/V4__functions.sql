-- Seeded: functions of the module whose bodies read another module's table.
CREATE FUNCTION ordering.first_total() RETURNS numeric LANGUAGE plpgsql AS 'BEGIN RETURN (SELECT total FROM billing.invoice LIMIT 1); END';

CREATE OR REPLACE FUNCTION ordering.last_total() RETURNS numeric LANGUAGE plpgsql AS $$
BEGIN
    RETURN (SELECT total FROM billing.invoice ORDER BY id DESC LIMIT 1);
END
$$;

CREATE PROCEDURE ordering.mark_paid() LANGUAGE plpgsql AS $body$
BEGIN
    UPDATE ordering.purchase_order SET paid = true WHERE id IN (SELECT order_id FROM billing.invoice);
END
$body$;

CREATE FUNCTION ordering.note_of(id bigint) RETURNS text LANGUAGE sql AS '
    SELECT ''billing.invoice: '' || note
    FROM billing.invoice_note
    WHERE invoice_id = id';

-- Fine: a function reading the module's own table, naming the other one only in a text value.
CREATE FUNCTION ordering.own_total() RETURNS numeric LANGUAGE sql AS 'SELECT sum(total) FROM ordering.purchase_order WHERE note <> ''billing.invoice''';
