-- expect: error
-- server: scan public.users
-- migrate:up
ALTER TABLE users ALTER COLUMN name SET NOT NULL;
