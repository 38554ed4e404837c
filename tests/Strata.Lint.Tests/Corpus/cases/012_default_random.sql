-- expect: error
-- server: rewrite public.users
-- migrate:up
ALTER TABLE users ADD COLUMN r float8 DEFAULT random();
