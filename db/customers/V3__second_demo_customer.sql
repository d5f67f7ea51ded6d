-- A second demo customer, so that the demo (and the tests) can show one customer not seeing
-- another's orders. Signs in as the demo account "alan" (docs/security.md).
INSERT INTO customers.customer (id, name, email, street, postal_code, city, country, erased, version)
VALUES ('c0ffee00-0000-4000-8000-000000000002', 'Alan Turing', 'alan@example.com',
        '2 Bletchley Park', 'MK3 6EB', 'Milton Keynes', 'GB', false, 0);
