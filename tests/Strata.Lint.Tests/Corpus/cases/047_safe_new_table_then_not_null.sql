-- expect: ok
-- server: none
-- migrate:up
CREATE TABLE notes (id bigint PRIMARY KEY, body text);
ALTER TABLE notes ALTER COLUMN body SET NOT NULL;
ALTER TABLE notes ADD COLUMN at timestamptz DEFAULT clock_timestamp();
