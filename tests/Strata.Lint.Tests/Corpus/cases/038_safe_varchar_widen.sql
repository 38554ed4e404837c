-- expect: ok
-- server: none
-- migrate:up
ALTER TABLE users ALTER COLUMN email TYPE varchar(20);
