-- expect: error
-- server: rewrite public.orders
-- migrate:up
ALTER TABLE orders ADD COLUMN seen timestamptz DEFAULT clock_timestamp();
