-- The demo shop's catalog. Inventory seeds matching stock in its own schema.
INSERT INTO catalog.product (sku, name, price_amount, price_currency) VALUES
    ('MUG-CLASSIC',  'Classic mug',        12.90, 'EUR'),
    ('TEE-LOGO-M',   'Logo T-shirt (M)',   24.00, 'EUR'),
    ('BOTTLE-STEEL', 'Steel water bottle', 19.50, 'EUR'),
    ('NOTEBOOK-A5',  'A5 notebook',         8.75, 'EUR'),
    ('STICKER-PACK', 'Sticker pack',        3.20, 'EUR'),
    ('HOODIE-L',     'Hoodie (L)',         49.00, 'EUR');
