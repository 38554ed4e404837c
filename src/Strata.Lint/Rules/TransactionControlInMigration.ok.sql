-- migrate:up transaction:false
BEGIN;
ALTER TABLE users ADD COLUMN plan text;
COMMIT;
