-- The base schema the catalog model's oracle test changes one statement at a time.
CREATE EXTENSION btree_gist VERSION '1.6';
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'application';
CREATE SCHEMA audit;
CREATE SCHEMA empty_one;
CREATE COLLATION app.c_sort FROM "C";

CREATE TYPE app.mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN app.positive AS integer CONSTRAINT positive_check CHECK (VALUE > 0);
CREATE DOMAIN app.email AS text DEFAULT 'x@example.com' NOT NULL CONSTRAINT email_check CHECK (VALUE LIKE '%@%');
CREATE DOMAIN app.label AS text;
CREATE TYPE app.address AS (street text, city text, zip varchar(10));
CREATE TYPE app.pair AS (x integer, y integer);
CREATE TYPE app.duo AS (a integer, b integer);
COMMENT ON COLUMN app.duo.a IS 'x';
COMMENT ON COLUMN app.duo.b IS 'y';
CREATE FUNCTION app.float8_diff(a float8, b float8) RETURNS float8 LANGUAGE sql IMMUTABLE AS 'SELECT a - b';
CREATE TYPE app.floatrange AS RANGE (subtype = float8, subtype_diff = app.float8_diff);
CREATE TYPE app.textrange AS RANGE (subtype = text);

CREATE SEQUENCE app.ticket_seq AS integer START 100 INCREMENT 2 MINVALUE 10 MAXVALUE 100000 CACHE 1 NO CYCLE;
CREATE SEQUENCE app.free_seq;

CREATE TABLE app.customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email app.email,
    name text NOT NULL,
    mood app.mood DEFAULT 'ok',
    address app.address,
    score numeric(10, 2) DEFAULT 0 CHECK (score >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    name_upper text GENERATED ALWAYS AS (upper(name)) STORED,
    note text COLLATE "C",
    CONSTRAINT customers_email_key UNIQUE (email)
);
COMMENT ON TABLE app.customers IS 'people who buy';
COMMENT ON COLUMN app.customers.name IS 'full name';
CREATE INDEX customers_name_idx ON app.customers (name);
CREATE INDEX customers_lower_email_idx ON app.customers (lower(email::text)) WHERE mood <> 'sad';

CREATE TABLE app.orders (
    id serial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES app.customers (id) ON DELETE CASCADE,
    ticket integer DEFAULT nextval('app.ticket_seq'),
    total numeric(12, 2) NOT NULL DEFAULT 0,
    status text NOT NULL DEFAULT 'new',
    placed_at timestamptz,
    CONSTRAINT orders_total_check CHECK (total >= 0)
);
ALTER TABLE app.orders ADD CONSTRAINT orders_status_check CHECK (status IN ('new', 'paid', 'shipped')) NOT VALID;
ALTER SEQUENCE app.ticket_seq OWNED BY app.orders.ticket;
CREATE INDEX orders_customer_idx ON app.orders (customer_id);
CREATE UNIQUE INDEX orders_ticket_idx ON app.orders (ticket) WITH (fillfactor = 90);

CREATE TABLE app.rooms (id integer PRIMARY KEY, name text);
CREATE TABLE app.bookings (
    id integer PRIMARY KEY,
    room_id integer NOT NULL REFERENCES app.rooms (id) DEFERRABLE INITIALLY DEFERRED,
    during tstzrange NOT NULL,
    CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&)
);

CREATE TABLE app.settings (name text PRIMARY KEY, value text);

CREATE TABLE app.events (
    id bigint NOT NULL,
    happened_on date NOT NULL,
    payload jsonb,
    PRIMARY KEY (id, happened_on)
) PARTITION BY RANGE (happened_on);
CREATE TABLE app.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE app.events_2025 PARTITION OF app.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX events_payload_idx ON app.events USING gin (payload);
CREATE TABLE app.metrics (id integer, region text) PARTITION BY LIST (region);

CREATE TABLE app.documents (id integer PRIMARY KEY, owner text NOT NULL DEFAULT current_user, body text);
ALTER TABLE app.documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY documents_owner ON app.documents FOR SELECT TO PUBLIC USING (owner = current_user);
CREATE POLICY documents_insert ON app.documents AS RESTRICTIVE FOR INSERT WITH CHECK (owner = current_user);

CREATE UNLOGGED TABLE app.cache (key text PRIMARY KEY, value text) WITH (fillfactor = 70);
CREATE RULE cache_no_delete AS ON DELETE TO app.cache DO INSTEAD NOTHING;

CREATE TABLE audit.log (id bigserial PRIMARY KEY, table_name text NOT NULL, happened_at timestamptz DEFAULT now());
CREATE TABLE audit.log_extra (extra text) INHERITS (audit.log);

CREATE FUNCTION app.order_total(customer bigint) RETURNS numeric LANGUAGE sql STABLE
    AS $$ SELECT coalesce(sum(total), 0) FROM app.orders WHERE customer_id = customer $$;
CREATE FUNCTION audit.record() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
    AS $$ BEGIN INSERT INTO audit.log (table_name) VALUES (TG_TABLE_NAME); RETURN NEW; END $$;
CREATE PROCEDURE app.archive(before date) LANGUAGE sql AS $$ DELETE FROM app.events WHERE happened_on < before $$;
CREATE FUNCTION app.add(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS 'SELECT a + b';
CREATE FUNCTION app.add(a numeric, b numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
CREATE FUNCTION app.numbers(n integer) RETURNS SETOF integer LANGUAGE sql AS 'SELECT generate_series(1, n)';
CREATE AGGREGATE app.total_sum(numeric) (SFUNC = numeric_add, STYPE = numeric, INITCOND = '0');
CREATE AGGREGATE app.my_rank(VARIADIC "any" ORDER BY VARIADIC "any")
    (SFUNC = ordered_set_transition_multi, STYPE = internal, FINALFUNC = rank_final, FINALFUNC_EXTRA);
CREATE FUNCTION audit.on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN NULL; END $$;
CREATE EVENT TRIGGER audit_ddl ON ddl_command_end WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION audit.on_ddl();

CREATE TRIGGER orders_audit AFTER INSERT OR UPDATE ON app.orders FOR EACH ROW EXECUTE FUNCTION audit.record();
CREATE TRIGGER customers_audit AFTER DELETE ON app.customers FOR EACH STATEMENT EXECUTE FUNCTION audit.record();
CREATE TRIGGER events_stamp BEFORE INSERT ON app.events FOR EACH ROW EXECUTE FUNCTION audit.record();

CREATE VIEW app.order_summary AS
    SELECT customer_id, count(*) AS orders, sum(total) AS total FROM app.orders GROUP BY customer_id;
CREATE VIEW app.paid_orders WITH (security_barrier) AS
    SELECT id, customer_id, total FROM app.orders WHERE status = 'paid' WITH CHECK OPTION;
CREATE MATERIALIZED VIEW app.customer_totals AS SELECT c.id, app.order_total(c.id) AS total FROM app.customers c WITH NO DATA;
CREATE UNIQUE INDEX customer_totals_id_idx ON app.customer_totals (id);
CREATE STATISTICS app.orders_stats (dependencies) ON customer_id, status FROM app.orders;
