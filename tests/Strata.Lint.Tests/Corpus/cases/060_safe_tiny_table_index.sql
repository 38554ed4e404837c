-- expect: ok
-- server: scan public.tags
-- migrate:up
CREATE INDEX tags_name ON tags (name);
