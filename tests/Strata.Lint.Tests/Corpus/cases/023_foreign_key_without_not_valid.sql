-- expect: error
-- server: scan public.orders
-- migrate:up
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);
