-- Customers and their personal data. Erasure overwrites the personal columns in place.
CREATE TABLE customers.customer (
    id          UUID PRIMARY KEY,
    name        TEXT NOT NULL,
    email       TEXT NOT NULL,
    street      TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    city        TEXT NOT NULL,
    country     TEXT NOT NULL,
    erased      BOOLEAN NOT NULL,
    version     BIGINT NOT NULL
);
