-- Stock for the demo catalog. HOODIE-L is scarce on purpose: ordering three shows a rejection.
INSERT INTO inventory.stock (sku, available, reserved) VALUES
    ('MUG-CLASSIC',  100, 0),
    ('TEE-LOGO-M',    50, 0),
    ('BOTTLE-STEEL',  30, 0),
    ('NOTEBOOK-A5',  200, 0),
    ('STICKER-PACK', 500, 0),
    ('HOODIE-L',       2, 0);
