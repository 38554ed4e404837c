ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
ALTER TABLE orders ADD COLUMN user_id bigint DEFAULT 1 REFERENCES users (id);
