-- expect: error
-- server: scan public.users
-- migrate:up
ALTER TABLE users ADD CONSTRAINT users_age_positive CHECK (age >= 0);
