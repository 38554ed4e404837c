-- expect: error
-- server: rewrite public.users
-- migrate:up
ALTER TABLE users ALTER COLUMN age TYPE int USING age + 0;
