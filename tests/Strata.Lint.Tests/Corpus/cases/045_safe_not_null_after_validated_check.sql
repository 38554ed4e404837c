-- expect: ok
-- server: none
-- migrate:up
ALTER TABLE users ALTER COLUMN age SET NOT NULL;
