-- migrate:up
BEGIN;
ALTER TABLE users ADD COLUMN plan text;
COMMIT;
