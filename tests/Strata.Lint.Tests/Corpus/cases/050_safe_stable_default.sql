-- expect: ok
-- server: none
-- migrate:up
ALTER TABLE orders ADD COLUMN created timestamptz DEFAULT now();
