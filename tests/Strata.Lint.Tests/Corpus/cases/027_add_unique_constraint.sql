-- expect: error
-- server: scan public.users
-- migrate:up
ALTER TABLE users ADD CONSTRAINT users_id_email UNIQUE (id, email);
