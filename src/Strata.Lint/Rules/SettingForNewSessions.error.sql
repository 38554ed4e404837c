ALTER DATABASE app SET search_path = app, public;
