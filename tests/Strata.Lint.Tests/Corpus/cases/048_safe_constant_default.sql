-- expect: ok
-- server: none
-- migrate:up
ALTER TABLE users ADD COLUMN active boolean DEFAULT true;
