-- migrate:up
CREATE TABLE notes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text NOT NULL);

-- migrate:down
DROP TABLE notes;
