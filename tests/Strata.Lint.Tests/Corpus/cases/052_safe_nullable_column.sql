-- expect: ok
-- server: none
-- migrate:up
ALTER TABLE users ADD COLUMN bio text;
