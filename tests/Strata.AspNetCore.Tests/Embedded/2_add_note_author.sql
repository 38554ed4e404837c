-- migrate:up
ALTER TABLE notes ADD COLUMN author text;

-- migrate:down
ALTER TABLE notes DROP COLUMN author;
