-- expect: error
-- server: scan public.orders
-- migrate:up
ALTER TABLE orders ADD CONSTRAINT orders_total_range CHECK (total BETWEEN 1 AND 100000000);
