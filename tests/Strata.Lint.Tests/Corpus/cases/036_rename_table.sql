-- expect: error
-- server: none
-- migrate:up
ALTER TABLE orders RENAME TO purchases;
