-- expect: error
-- server: scan public.orders
-- migrate:up
CREATE UNIQUE INDEX orders_id_total ON orders (id, total);
