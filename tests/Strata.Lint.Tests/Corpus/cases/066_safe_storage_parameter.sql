-- expect: ok
-- server: none
-- migrate:up
ALTER TABLE orders SET (fillfactor = 90);
