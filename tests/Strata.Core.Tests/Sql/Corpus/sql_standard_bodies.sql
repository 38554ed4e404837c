-- expect: 7 statements
-- SQL-standard routine bodies (PostgreSQL 14+) and rules hold semicolons that psql does not split on.

CREATE TABLE items (id int PRIMARY KEY, price numeric NOT NULL, kind text);

CREATE TABLE items_log (id int, note text);

CREATE FUNCTION add_tax(price numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
    SELECT CASE WHEN price > 100 THEN price * 1.2 ELSE price * 1.1 END;
END;

CREATE OR REPLACE PROCEDURE insert_item(new_id int, new_price numeric)
LANGUAGE sql
BEGIN ATOMIC
    INSERT INTO items (id, price, kind) VALUES (new_id, new_price, 'plain; simple');
    INSERT INTO items_log VALUES (new_id, 'inserted');
END;

CREATE FUNCTION double_it(n int) RETURNS int LANGUAGE sql RETURN n * 2;

CREATE RULE log_delete AS ON DELETE TO items DO ALSO (
    INSERT INTO items_log VALUES (OLD.id, 'deleted');
    INSERT INTO items_log VALUES (OLD.id, 'deleted twice; for the test')
);

CALL insert_item(1, double_it(60));
