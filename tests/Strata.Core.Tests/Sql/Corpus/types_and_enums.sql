-- expect: 9 statements
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');

ALTER TYPE mood ADD VALUE 'ecstatic' AFTER 'happy';

CREATE TYPE address AS (
    street text,
    city   text,
    zip    varchar(10)
);

CREATE DOMAIN email AS text
    CHECK (VALUE ~ '^[^@;]+@[^@;]+$');

CREATE TABLE people (
    id      int PRIMARY KEY,
    name    text NOT NULL,
    current mood NOT NULL DEFAULT 'ok',
    home    address,
    contact email
);

COMMENT ON TYPE mood IS 'How someone feels; used by "people"';

COMMENT ON COLUMN people.current IS E'Mood\'s current value;\nnever null';

COMMENT ON DOMAIN email IS $c$Must contain one '@'; no semicolons$c$;

INSERT INTO people (id, name, current, home, contact) VALUES
    (1, 'Ann', 'happy', ROW('1 Main St; Apt 2', 'Springfield', '12345'), 'ann@example.com');
