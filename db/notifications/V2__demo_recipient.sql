-- The demo customer's contact details, as the customers module registered her (see db/customers).
INSERT INTO notifications.recipient (customer_id, name, email)
VALUES ('c0ffee00-0000-4000-8000-000000000001', 'Ada Lovelace', 'ada@example.com');
