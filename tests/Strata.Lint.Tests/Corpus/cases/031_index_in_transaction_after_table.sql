-- expect: error
-- server: scan public.orders
-- migrate:up
CREATE TABLE audit (id bigint PRIMARY KEY);
CREATE INDEX orders_total ON orders (total);
