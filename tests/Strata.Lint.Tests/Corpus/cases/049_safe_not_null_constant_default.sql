-- expect: ok
-- server: none
-- migrate:up
ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';
