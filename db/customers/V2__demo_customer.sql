-- The demo shop's customer (CustomerId.DEMO): orders placed without a customer id are hers.
INSERT INTO customers.customer (id, name, email, street, postal_code, city, country, erased, version)
VALUES ('c0ffee00-0000-4000-8000-000000000001', 'Ada Lovelace', 'ada@example.com',
        '12 St James''s Square', 'SW1Y 4JH', 'London', 'GB', false, 0);
