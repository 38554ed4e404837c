-- expect: error
-- server: scan public.users
-- migrate:up
ALTER TABLE users ADD CONSTRAINT users_age_small CHECK (age < 200) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_age_small;
