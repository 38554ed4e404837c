-- The reference database every corpus case is linted against: busy tables with rows, statistics analysed.
CREATE TYPE mood AS ENUM ('ok', 'meh');
CREATE TABLE users (id bigint PRIMARY KEY, email varchar(10), name text, age int, score numeric(10,2), net cidr, mood mood, payload json);
INSERT INTO users SELECT g, 'e' || g % 100000, 'n', g % 90, g, '10.0.0.0/8', 'ok', '{}' FROM generate_series(1, 20000) g;
ALTER TABLE users ADD CONSTRAINT users_age_not_null CHECK (age IS NOT NULL);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, total int);
INSERT INTO orders SELECT g, g, g FROM generate_series(1, 20000) g;
CREATE INDEX orders_user_id ON orders (user_id);
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0) NOT VALID;
CREATE TABLE tags (id bigint PRIMARY KEY, name text);
INSERT INTO tags SELECT g, 't' || g FROM generate_series(1, 50) g;
CREATE TABLE events (id bigint, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE events_2025 (id bigint, at date NOT NULL);
INSERT INTO events_2025 SELECT g, DATE '2025-01-01' + g % 300 FROM generate_series(1, 20000) g;
CREATE TABLE events_2024 (id bigint, at date NOT NULL, CONSTRAINT events_2024_bound CHECK (at >= DATE '2024-01-01' AND at < DATE '2025-01-01'));
INSERT INTO events_2024 SELECT g, DATE '2024-01-01' + g % 300 FROM generate_series(1, 20000) g;
ANALYZE;
