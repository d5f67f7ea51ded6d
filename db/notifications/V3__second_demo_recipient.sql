-- The second demo customer's contact details, as the customers module registered him (see db/customers).
INSERT INTO notifications.recipient (customer_id, name, email)
VALUES ('c0ffee00-0000-4000-8000-000000000002', 'Alan Turing', 'alan@example.com');
