#!/usr/bin/python3
"""Write the same N migrations in every benchmarked tool's format.

Every tool gets byte-identical SQL bodies: migration i creates a five-column table with an index, and every fifth
migration also adds a column to the previous table. Only the wrapping differs (file header, revision metadata,
BEGIN/COMMIT where the tool expects the script to carry its own transaction).

Usage: generate.py N OUT_DIR PSQL_BINARY
       generate.py outage OUT_DIR   (the single ALTER TABLE of the outage benchmark, for psql, Strata/dbmate, Alembic)
"""
import os
import sys

VERSION_BASE = 20240101000000


def up_sql(i):
    table = f"bench_{i:04d}"
    body = (
        f"CREATE TABLE {table} (\n"
        f"    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
        f"    name text NOT NULL,\n"
        f"    amount numeric(12,2) NOT NULL DEFAULT 0,\n"
        f"    created_at timestamptz NOT NULL DEFAULT now(),\n"
        f"    payload jsonb\n"
        f");\n"
        f"CREATE INDEX {table}_name_idx ON {table} (name);\n"
    )
    if i % 5 == 0:
        body += f"ALTER TABLE bench_{i - 1:04d} ADD COLUMN note text;\n"
    return body


def down_sql(i):
    body = ""
    if i % 5 == 0:
        body += f"ALTER TABLE bench_{i - 1:04d} DROP COLUMN note;\n"
    return body + f"DROP TABLE bench_{i:04d};\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def name(i):
    return f"{VERSION_BASE + i}_bench_{i:04d}"


def dbmate_format(n, out):
    """Strata and dbmate read the same directory: `-- migrate:up` / `-- migrate:down` sections."""
    for i in range(1, n + 1):
        write(f"{out}/sql/{name(i)}.sql", f"-- migrate:up\n{up_sql(i)}\n-- migrate:down\n{down_sql(i)}")


def node_pg_migrate_format(n, out):
    for i in range(1, n + 1):
        write(f"{out}/node-pg-migrate/{name(i)}.sql", f"-- Up Migration\n{up_sql(i)}\n-- Down Migration\n{down_sql(i)}")


ALEMBIC_INI = """[alembic]
script_location = %(here)s
"""

ALEMBIC_ENV = '''from alembic import context
from sqlalchemy import create_engine, pool

# The stock template's online mode: one connection, the default single transaction around all pending revisions.
engine = create_engine(context.get_x_argument(as_dictionary=True)["url"], poolclass=pool.NullPool)
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=None)
    with context.begin_transaction():
        context.run_migrations()
'''


def alembic_format(n, out):
    root = f"{out}/alembic"
    write(f"{root}/alembic.ini", ALEMBIC_INI)
    write(f"{root}/env.py", ALEMBIC_ENV)
    for i in range(1, n + 1):
        down = "None" if i == 1 else f'"r{i - 1:04d}"'
        write(
            f"{root}/versions/r{i:04d}_bench_{i:04d}.py",
            f'"""bench_{i:04d}"""\n'
            "from alembic import op\n\n"
            f'revision = "r{i:04d}"\n'
            f"down_revision = {down}\n"
            "branch_labels = None\n"
            "depends_on = None\n\n"
            f'UP = """{up_sql(i)}"""\n\n'
            f'DOWN = """{down_sql(i)}"""\n\n\n'
            "def upgrade():\n    op.execute(UP)\n\n\n"
            "def downgrade():\n    op.execute(DOWN)\n",
        )


def sqitch_format(n, out, psql):
    root = f"{out}/sqitch"
    write(
        f"{root}/sqitch.conf",
        "[core]\n\tengine = pg\n\tplan_file = sqitch.plan\n\ttop_dir = .\n"
        f'[engine "pg"]\n\tclient = {psql}\n'
        "[user]\n\tname = Bench\n\temail = bench@example.invalid\n",
    )
    plan = ["%syntax-version=1.0.0", "%project=bench", ""]
    for i in range(1, n + 1):
        change = f"bench_{i:04d}"
        plan.append(f"{change} 2024-01-01T00:00:00Z Bench <bench@example.invalid> # {change}")
        # Sqitch's own templates put the transaction in the script; the body between is the shared one.
        write(f"{root}/deploy/{change}.sql", f"BEGIN;\n{up_sql(i)}COMMIT;\n")
        write(f"{root}/revert/{change}.sql", f"BEGIN;\n{down_sql(i)}COMMIT;\n")
        write(f"{root}/verify/{change}.sql", f"SELECT id, name, amount, created_at, payload FROM {change} WHERE false;\n")
    write(f"{root}/sqitch.plan", "\n".join(plan) + "\n")


def psql_format(n, out):
    """The limit: the bodies alone, in one transaction (psql -1) or one transaction each in one session; the last
    also as Strata commits them, only the last COMMIT waiting for the WAL flush."""
    write(f"{out}/psql/all.sql", "".join(up_sql(i) for i in range(1, n + 1)))
    write(f"{out}/psql/per_tx.sql", "".join(f"BEGIN;\n{up_sql(i)}COMMIT;\n" for i in range(1, n + 1)))
    write(f"{out}/psql/per_tx_one_flush.sql", "SET synchronous_commit = off;\n" + "".join(
        f"BEGIN;\n{up_sql(i)}{'RESET synchronous_commit;' + chr(10) if i == n else ''}COMMIT;\n" for i in range(1, n + 1)))


OUTAGE_UP = "ALTER TABLE hot ADD COLUMN added_by_migration text;\n"
OUTAGE_DOWN = "ALTER TABLE hot DROP COLUMN added_by_migration;\n"


def outage_format(out):
    write(f"{out}/sql/20240201000000_add_hot_column.sql", f"-- migrate:up\n{OUTAGE_UP}\n-- migrate:down\n{OUTAGE_DOWN}")
    write(f"{out}/psql/add.sql", OUTAGE_UP)
    write(f"{out}/alembic/alembic.ini", ALEMBIC_INI)
    write(f"{out}/alembic/env.py", ALEMBIC_ENV)
    write(
        f"{out}/alembic/versions/r0001_add_hot_column.py",
        'from alembic import op\n\nrevision = "r0001"\ndown_revision = None\nbranch_labels = None\ndepends_on = None\n\n\n'
        f'def upgrade():\n    op.execute("""{OUTAGE_UP}""")\n\n\ndef downgrade():\n    op.execute("""{OUTAGE_DOWN}""")\n',
    )


def main():
    if sys.argv[1] == "outage":
        outage_format(sys.argv[2])
        return
    n, out, psql = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    dbmate_format(n, out)
    node_pg_migrate_format(n, out)
    alembic_format(n, out)
    sqitch_format(n, out, psql)
    psql_format(n, out)


if __name__ == "__main__":
    main()
