-- expect: error
-- server: rewrite public.users
-- migrate:up
ALTER TABLE users ALTER COLUMN name TYPE varchar(50);
