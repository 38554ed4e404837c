-- expect: error
-- server: rewrite public.orders
-- migrate:up
ALTER TABLE orders ADD COLUMN seq bigserial;
