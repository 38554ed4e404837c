-- expect: 8 statements
-- Functions and triggers in PL/pgSQL: dollar quotes nested under other tags, strings and comments with
-- semicolons inside bodies.

CREATE TABLE accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL,
    balance numeric(12, 2) NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
    id bigserial PRIMARY KEY,
    table_name text NOT NULL,
    action text NOT NULL,
    happened_at timestamptz NOT NULL DEFAULT now()
);

CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
    -- a comment with a ; and a quote ' inside the body
    NEW.updated_at := now();
    RETURN NEW;
END;
$fn$;

CREATE TRIGGER accounts_touch
    BEFORE UPDATE ON accounts
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

CREATE FUNCTION audit() RETURNS trigger
LANGUAGE plpgsql
AS $audit$
DECLARE
    statement text := $q$INSERT INTO audit_log (table_name, action) VALUES ($1, $2)$q$;
BEGIN
    EXECUTE statement USING TG_TABLE_NAME, TG_OP;
    RAISE NOTICE 'audited %; op=%', TG_TABLE_NAME, TG_OP;
    RETURN NULL;
END
$audit$;

CREATE TRIGGER accounts_audit AFTER INSERT OR UPDATE OR DELETE ON accounts
FOR EACH ROW EXECUTE FUNCTION audit();

CREATE FUNCTION make_counter(name text) RETURNS void LANGUAGE plpgsql AS $outer$
BEGIN
    EXECUTE format($ddl$
        CREATE TABLE %I (n int);
        COMMENT ON TABLE %I IS 'made by make_counter; do not edit';
    $ddl$, name, name);
    /* nested /* block */ comment; with 'quotes' */
END;
$outer$;

SELECT make_counter('clicks');
