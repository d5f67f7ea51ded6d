-- Whose order each timeline is, so that only they (and staff) can read it. The customer id is a
-- pseudonymous key from the customers module, kept as a value: no personal data, no foreign key.
CREATE TABLE tracking.order_owner (
    order_id    UUID PRIMARY KEY,
    customer_id UUID NOT NULL
);
