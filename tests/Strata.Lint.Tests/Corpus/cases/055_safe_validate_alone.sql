-- expect: ok
-- server: none
-- migrate:up
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;
