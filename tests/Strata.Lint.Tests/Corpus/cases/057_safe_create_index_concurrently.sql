-- expect: ok
-- server: none
-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY users_name ON users (name);
