-- expect: error
-- server: rewrite public.users
-- migrate:up
ALTER TABLE users ALTER COLUMN payload TYPE jsonb USING payload::jsonb;
