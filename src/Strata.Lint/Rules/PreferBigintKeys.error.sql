CREATE TABLE tags (id serial PRIMARY KEY);
