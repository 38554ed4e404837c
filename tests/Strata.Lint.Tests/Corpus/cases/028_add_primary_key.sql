-- expect: error
-- server: scan public.events_2025
-- migrate:up
ALTER TABLE events_2025 ADD PRIMARY KEY (id, at);
