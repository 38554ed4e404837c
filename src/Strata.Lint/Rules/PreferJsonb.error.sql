CREATE TABLE events (id bigint PRIMARY KEY, payload json NOT NULL);
