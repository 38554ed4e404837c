-- expect: error
-- server: none
-- migrate:up
ALTER TABLE users RENAME COLUMN name TO full_name;
