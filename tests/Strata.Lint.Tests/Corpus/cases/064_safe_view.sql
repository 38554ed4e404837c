-- expect: ok
-- server: none
-- migrate:up
CREATE VIEW adults AS SELECT id, name FROM users WHERE age >= 18;
