CREATE TABLE tags (id bigint PRIMARY KEY, name text CHECK (char_length(name) <= 40));
