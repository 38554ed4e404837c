-- expect: ok
-- server: none
-- migrate:up
ALTER TABLE users ALTER COLUMN name SET DEFAULT 'anonymous';
