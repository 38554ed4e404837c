-- expect: error
-- server: scan public.users
-- migrate:up
CREATE INDEX users_name ON users (name);
