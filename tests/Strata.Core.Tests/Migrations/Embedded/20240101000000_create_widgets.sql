-- Embedded as a resource by the test project, the way applications embed theirs.
-- migrate:up
CREATE TABLE widgets (id int PRIMARY KEY, name text NOT NULL);

-- migrate:down
DROP TABLE widgets;
