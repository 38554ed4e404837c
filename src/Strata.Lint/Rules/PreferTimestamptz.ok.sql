CREATE TABLE visits (id bigint PRIMARY KEY, seen_at timestamptz NOT NULL);
