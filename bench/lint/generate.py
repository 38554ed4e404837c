#!/usr/bin/env python3
"""Writes N migration files of the shapes real projects have, for timing `strata lint`.

Each file is a dbmate-format migration with an up and a down section; the up sections mix new tables, indexes,
columns, constraints, backfills, enum changes, renames and a few transaction:false concurrent builds, so every
rule runs. The output is deterministic: file i always has the same text.
"""
import os
import sys

SHAPES = [
    ("create_table", """-- migrate:up
CREATE TABLE t{i} (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id),
  name text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{{}}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX t{i}_account_idx ON t{i} (account_id);
COMMENT ON TABLE t{i} IS 'table number {i}';

-- migrate:down
DROP TABLE t{i};
"""),
    ("add_column", """-- migrate:up
ALTER TABLE users ADD COLUMN c{i} text;
ALTER TABLE users ADD COLUMN d{i} integer NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN e{i} uuid DEFAULT gen_random_uuid();

-- migrate:down
ALTER TABLE users DROP COLUMN c{i}, DROP COLUMN d{i}, DROP COLUMN e{i};
"""),
    ("index", """-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_c{i}_idx ON orders (customer_id, created_at DESC) WHERE status <> 'done';

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY IF EXISTS orders_c{i}_idx;
"""),
    ("constraint", """-- migrate:up
ALTER TABLE orders ADD CONSTRAINT orders_fk{i} FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
ALTER TABLE orders ADD CONSTRAINT orders_ck{i} CHECK (total >= 0);
-- strata:lint-ignore renaming-column the column is read through a view since release {i}
ALTER TABLE orders RENAME COLUMN note{i} TO notes{i};

-- migrate:down
ALTER TABLE orders DROP CONSTRAINT orders_fk{i}, DROP CONSTRAINT orders_ck{i};
"""),
    ("backfill", """-- migrate:up
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 's{i}';
UPDATE orders SET status = 'open' WHERE id BETWEEN {i}000 AND {i}999 AND status IS NULL;
CREATE OR REPLACE FUNCTION touch_{i}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now(); -- a semicolon inside the body; the splitter keeps it
  RETURN NEW;
END
$$;
INSERT INTO settings (key, value) VALUES ('k{i}', 'v{i}') ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;

-- migrate:down
DROP FUNCTION touch_{i}();
"""),
]


def main() -> None:
    count, directory = int(sys.argv[1]), sys.argv[2]
    os.makedirs(directory, exist_ok=True)
    for i in range(1, count + 1):
        name, body = SHAPES[i % len(SHAPES)]
        with open(os.path.join(directory, f"{20260000000000 + i}_{name}_{i}.sql"), "w", encoding="utf-8") as f:
            f.write(body.format(i=i))


if __name__ == "__main__":
    main()
