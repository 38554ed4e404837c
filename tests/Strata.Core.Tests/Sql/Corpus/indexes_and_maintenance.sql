-- expect: 8 statements
CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL, payload jsonb, created_at timestamptz DEFAULT now());

CREATE INDEX CONCURRENTLY events_kind_idx ON events (kind);

CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS events_payload_ref_idx
    ON events ((payload ->> 'ref'))
    WHERE kind = 'order;placed';

CREATE MATERIALIZED VIEW event_counts AS
    SELECT kind, count(*) AS n FROM events GROUP BY kind
WITH NO DATA;

REFRESH MATERIALIZED VIEW event_counts;

DROP INDEX CONCURRENTLY IF EXISTS events_kind_idx;

VACUUM (ANALYZE) events;

ALTER TABLE events ALTER COLUMN payload SET DEFAULT '{"note": "a;b", "quote": "it''s"}'::jsonb
