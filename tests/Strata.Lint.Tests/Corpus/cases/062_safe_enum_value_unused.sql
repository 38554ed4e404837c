-- expect: ok
-- server: none
-- migrate:up
ALTER TYPE mood ADD VALUE 'sad';
