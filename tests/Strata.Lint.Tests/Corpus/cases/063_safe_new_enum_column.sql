-- expect: ok
-- server: none
-- migrate:up
CREATE TYPE plan AS ENUM ('free', 'paid');
ALTER TABLE users ADD COLUMN plan plan;
