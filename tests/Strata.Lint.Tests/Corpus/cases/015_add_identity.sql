-- expect: error
-- server: rewrite public.users
-- migrate:up
ALTER TABLE users ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY;
