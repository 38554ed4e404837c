-- expect: error
-- server: fails 23502
-- migrate:up
ALTER TABLE users ADD COLUMN country text NOT NULL;
