-- expect: error
-- server: fails 42703
-- migrate:up
ALTER TABLE users ADD CONSTRAINT users_missing CHECK (missing > 0) NOT VALID;
