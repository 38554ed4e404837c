-- expect: 5 statements
/* Anonymous code blocks. The bodies hold $$ under other tags, quotes and
   semicolons; none of them may end the statement. */

CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL);

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM settings WHERE key = 'mode') THEN
        INSERT INTO settings VALUES ('mode', 'it''s; fine');
    END IF;
END
$$;

DO LANGUAGE plpgsql $body$
DECLARE
    template text := 'price: $$5; tax: $$1';
BEGIN
    INSERT INTO settings VALUES ('template', template);
    EXECUTE $inner$INSERT INTO settings VALUES ('inner', 'a;b')$inner$;
END $body$;

do $do$
begin
    perform 1; -- a comment in the body is body text; only the closing tag ends it
end
$do$;

SELECT count(*) FROM settings WHERE value LIKE '%;%';
