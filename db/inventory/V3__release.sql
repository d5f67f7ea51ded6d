-- Reserved units leave the stock when their order is dispatched (SHIPPED), are given back when
-- their order is cancelled (RELEASED), and an order cancelled
-- before its stock was decided is remembered (WITHDRAWN) so that a late request reserves nothing.
ALTER TABLE inventory.reservation DROP CONSTRAINT reservation_status_check;
ALTER TABLE inventory.reservation ADD CONSTRAINT reservation_status_check
    CHECK (status IN ('RESERVED', 'REJECTED', 'SHIPPED', 'RELEASED', 'WITHDRAWN'));
