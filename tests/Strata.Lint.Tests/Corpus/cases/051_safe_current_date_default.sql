-- expect: ok
-- server: none
-- migrate:up
ALTER TABLE orders ADD COLUMN day date DEFAULT CURRENT_DATE;
