-- expect: error
-- server: rewrite public.users
-- migrate:up
ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();
