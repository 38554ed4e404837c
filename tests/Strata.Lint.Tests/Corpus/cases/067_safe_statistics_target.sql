-- expect: ok
-- server: none
-- migrate:up
ALTER TABLE orders ALTER COLUMN total SET STATISTICS 500;
