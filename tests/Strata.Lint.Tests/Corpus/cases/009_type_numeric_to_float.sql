-- expect: error
-- server: rewrite public.users
-- migrate:up
ALTER TABLE users ALTER COLUMN score SET DATA TYPE float8;
