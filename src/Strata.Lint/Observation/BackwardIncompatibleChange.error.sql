-- migrate:up
ALTER TABLE users RENAME COLUMN name TO full_name;
ALTER TABLE users DROP COLUMN nickname;
ALTER TABLE users ALTER COLUMN age TYPE text;
