-- expect: ok
-- server: rewrite public.tags
-- migrate:up
ALTER TABLE tags ALTER COLUMN id TYPE int;
