-- expect: error
-- server: rewrite public.orders
-- migrate:up
ALTER TABLE orders ALTER COLUMN total TYPE bigint;
