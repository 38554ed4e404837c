-- expect: ok
-- server: none
-- migrate:up
COMMENT ON TABLE users IS 'people who signed up';
GRANT SELECT ON users TO PUBLIC;
