-- expect: error
-- server: fails 25001
-- migrate:up
CREATE INDEX CONCURRENTLY users_name ON users (name);
