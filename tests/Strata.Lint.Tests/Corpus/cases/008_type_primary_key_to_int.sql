-- expect: error
-- server: rewrite public.users
-- migrate:up
ALTER TABLE users ALTER COLUMN id TYPE int;
