-- expect: error
-- server: fails 55P04
-- migrate:up
ALTER TYPE mood ADD VALUE 'sad';
UPDATE users SET mood = 'sad' WHERE id = 1;
