ALTER TABLE events SET (fillfactor = 70);
SET search_path = app, public;
