CREATE TABLE visits (id bigint PRIMARY KEY, seen_at timestamp NOT NULL);
