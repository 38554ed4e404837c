-- expect: error
-- server: rewrite public.users
-- migrate:up
ALTER TABLE users ADD COLUMN x int DEFAULT 0, ALTER COLUMN age TYPE bigint;
