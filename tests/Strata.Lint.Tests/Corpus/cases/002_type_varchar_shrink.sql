-- expect: error
-- server: fails 22001
-- migrate:up
ALTER TABLE users ALTER COLUMN email TYPE varchar(5);
