CREATE TABLE events (id bigint PRIMARY KEY, payload jsonb NOT NULL);
