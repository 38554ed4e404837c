-- expect: ok
-- server: none
-- migrate:up
ALTER TABLE users ALTER COLUMN score TYPE numeric(12,2);
