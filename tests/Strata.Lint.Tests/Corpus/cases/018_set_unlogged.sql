-- expect: error
-- server: rewrite public.orders
-- migrate:up
ALTER TABLE orders SET UNLOGGED;
