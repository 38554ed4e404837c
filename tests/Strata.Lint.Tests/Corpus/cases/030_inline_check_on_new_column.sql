-- expect: error
-- server: scan public.users
-- migrate:up
ALTER TABLE users ADD COLUMN level int CHECK (level > 0);
