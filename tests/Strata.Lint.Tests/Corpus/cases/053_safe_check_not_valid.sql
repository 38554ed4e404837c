-- expect: ok
-- server: none
-- migrate:up
ALTER TABLE users ADD CONSTRAINT users_age_positive CHECK (age >= 0) NOT VALID;
