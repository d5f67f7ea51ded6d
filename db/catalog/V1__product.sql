-- The catalog's products. Prices are exact decimals with their currency, never floating point.
CREATE TABLE catalog.product (
    sku            TEXT PRIMARY KEY CHECK (sku ~ '^[A-Z0-9][A-Z0-9-]{0,39}$'),
    name           TEXT NOT NULL,
    price_amount   NUMERIC(19, 2) NOT NULL CHECK (price_amount >= 0),
    price_currency CHAR(3) NOT NULL
);
