-- expect: error
-- server: rewrite public.users
-- migrate:up
ALTER TABLE users ADD COLUMN age2 int GENERATED ALWAYS AS (age * 2) STORED;
