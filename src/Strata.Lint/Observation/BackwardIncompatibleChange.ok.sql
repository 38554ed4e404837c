-- migrate:up
ALTER TABLE users ADD COLUMN full_name text;
ALTER TABLE users ALTER COLUMN nickname TYPE varchar(80);
CREATE TABLE audit (id bigint PRIMARY KEY, note text);
ALTER TABLE audit RENAME COLUMN note TO detail;
