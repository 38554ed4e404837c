-- expect: ok
-- server: none
-- migrate:up
ALTER TABLE users ALTER COLUMN net TYPE inet;
