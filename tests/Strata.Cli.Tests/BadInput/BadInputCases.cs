namespace Strata.Cli.Tests.BadInput;

/// <summary>The bad inputs, each a distinct mistake a user makes, with the exit code it must end with.</summary>
public static class BadInputCases
{
    private const string Dir = "db/migrations/";

    private static readonly (string, string)[] Good =
    [
        (Dir + "1000_create_t0.sql", "-- migrate:up\nCREATE TABLE t0 (id int PRIMARY KEY);\n-- migrate:down\nDROP TABLE t0;\n"),
        (Dir + "1001_create_t1.sql", "-- migrate:up\nCREATE TABLE t1 (id int PRIMARY KEY);\n-- migrate:down\nDROP TABLE t1;\n"),
    ];

    private static readonly (string, string)[] Dead = [("DATABASE_URL", "{dead}")];

    public static IReadOnlyDictionary<string, BadInputCase> All { get; } = Build().ToDictionary(c => c.Name, StringComparer.Ordinal);

    private static BadInputCase Flag(string name, int exit, params string[] args) => new(name, exit, args) { Files = Good, Variables = Dead };

    private static BadInputCase DeadServer(string name, params string[] args) => new(name, 3, args) { Files = Good, Variables = Dead };

    private static BadInputCase Url(string name, int exit, string url) => new(name, exit, ["status", "--database-url", url]) { Files = Good };

    private static BadInputCase Config(string name, string json, params string[] args) =>
        new(name, 2, args.Length == 0 ? ["status"] : args) { Files = [.. Good, ("strata.json", json)], Variables = Dead };

    private static BadInputCase DotEnv(string name, string text) => new(name, 2, ["status"]) { Files = [.. Good, (".env", text)] };

    private static BadInputCase File(string name, int exit, string content, string file = "1_bad.sql") =>
        new(name, exit, ["validate"]) { Files = [(Dir + file, content)], Database = true };

    private static BadInputCase History(string name, string sql, params string[] args) =>
        new(name, 5, args.Length == 0 ? ["status"] : args) { Files = Good, Database = true, AfterUp = sql };

    private static IEnumerable<BadInputCase> Build()
    {
        // Flag values of the wrong kind, and flags given twice: usage errors before anything connects.
        yield return Flag("steps-letters", 2, "up", "--steps", "abc");
        yield return Flag("steps-negative", 2, "up", "--steps", "-1");
        yield return Flag("steps-fraction", 2, "down", "--steps", "1.5");
        yield return Flag("steps-overflow", 2, "up", "--steps", "99999999999999999999");
        yield return Flag("steps-empty", 2, "up", "--steps", "");
        yield return Flag("lock-retries-zero", 2, "up", "--lock-retries", "0");
        yield return Flag("lock-retries-word", 2, "up", "--lock-retries", "many");
        yield return Flag("lock-retries-negative", 2, "up", "--lock-retries", "-3");
        yield return Flag("lock-timeout-no-unit", 2, "up", "--lock-timeout", "5");
        yield return Flag("lock-timeout-word", 2, "up", "--lock-timeout", "abc");
        yield return Flag("lock-timeout-negative", 2, "up", "--lock-timeout", "-1s");
        yield return Flag("lock-timeout-unknown-unit", 2, "up", "--lock-timeout", "25d");
        yield return Flag("lock-timeout-too-long", 2, "up", "--lock-timeout", "999999h");
        yield return Flag("statement-timeout-word", 2, "up", "--statement-timeout", "soon");
        yield return Flag("statement-timeout-no-unit", 2, "down", "--statement-timeout", "10");
        yield return Flag("lock-wait-no-unit", 2, "up", "--lock-wait", "5");
        yield return Flag("lock-wait-word", 2, "redo", "--lock-wait", "forever");
        yield return Flag("wait-timeout-zero", 2, "up", "--wait", "--wait-timeout", "0s");
        yield return Flag("wait-timeout-no-unit", 2, "status", "--wait-timeout", "60");
        yield return Flag("db-wait-timeout-word", 2, "db", "wait", "--timeout", "later");
        yield return Flag("history-table-three-parts", 2, "up", "--history-table", "a.b.c");
        yield return Flag("history-table-empty", 2, "up", "--history-table", "");
        yield return Flag("history-table-no-schema-name", 2, "status", "--history-table", ".x");
        yield return Flag("history-table-no-table-name", 2, "status", "--history-table", "x.");
        yield return Flag("unknown-flag", 2, "up", "--nope");
        yield return Flag("unknown-command", 2, "frobnicate");
        yield return Flag("unknown-db-subcommand", 2, "db", "explode");
        yield return Flag("flag-without-value", 2, "up", "--database-url");
        yield return Flag("env-empty", 2, "up", "--env", "");
        yield return Flag("config-missing", 2, "up", "--config", "missing.json");
        yield return Flag("env-file-missing", 2, "up", "--env-file", "missing.env");
        yield return Flag("dry-run-with-sql", 2, "up", "--dry-run", "--sql");
        yield return Flag("strict-with-out-of-order", 2, "up", "--strict", "--allow-out-of-order");
        yield return Flag("stamp-without-version", 2, "stamp");
        yield return Flag("unexpected-argument", 2, "status", "extra");
        yield return Flag("no-color-twice", 2, "up", "--no-color", "--no-color");
        yield return Flag("quiet-twice", 2, "up", "-q", "--quiet");
        yield return Flag("verbose-twice", 2, "status", "-v", "-v");
        yield return Flag("history-table-twice", 2, "up", "--history-table", "a", "--history-table", "b");
        yield return Flag("lock-timeout-twice", 2, "up", "--lock-timeout", "1s", "--lock-timeout", "2s");
        yield return Flag("env-twice", 2, "up", "--env", "a", "--env", "b");
        yield return Flag("url-two-spellings", 2, "up", "-u", "postgres://a@127.0.0.1/a", "--url", "postgres://b@127.0.0.1/b");
        yield return Flag("config-twice", 2, "up", "--config", "a.json", "--config", "b.json");
        yield return Flag("env-file-twice", 2, "up", "--env-file", "a.env", "--env-file", "b.env");
        yield return Flag("password-file-twice", 2, "up", "--password-file", "a", "--password-file", "b");
        yield return Flag("lock-retries-twice", 2, "up", "--lock-retries", "2", "--lock-retries", "3");
        yield return Flag("yes-twice", 2, "down", "--yes", "-y");
        yield return Flag("steps-twice", 2, "up", "--steps", "1", "--steps", "2");
        yield return Flag("schema-file-twice", 2, "up", "-s", "a.sql", "--schema-file", "b.sql");
        yield return Flag("wait-timeout-twice", 2, "up", "--wait-timeout", "1s", "--wait-timeout", "2s");
        yield return Flag("migrations-dir-empty", 2, "up", "-d", "");
        yield return Flag("migrations-dir-second-empty", 2, "up", "-d", "db/migrations", "-d", " ");
        yield return Flag("password-file-missing", 2, "status", "--password-file", "nowhere.txt");
        yield return new BadInputCase("migrations-dir-missing", 2, ["validate", "-d", "nowhere"]) { Database = true };

        // Database URLs that cannot be a database: configuration errors, never the local default.
        yield return Url("url-empty", 2, "");
        yield return Url("url-blank", 2, "   ");
        yield return Url("url-port-zero", 2, "postgres://u@127.0.0.1:0/db");
        yield return Url("url-connect-timeout-word", 2, "postgres://u@127.0.0.1/db?connect_timeout=abc");
        yield return Url("url-other-database", 2, "mysql://u@127.0.0.1/db");
        yield return Url("url-port-word", 2, "postgres://u@127.0.0.1:notaport/db");
        yield return Url("url-port-too-big", 2, "postgres://u@127.0.0.1:99999/db");
        yield return Url("url-unclosed-bracket", 2, "postgres://[::1/db");
        yield return Url("keywords-port-word", 2, "Host=127.0.0.1;Port=abc;Database=x");
        yield return Url("url-bad-sslmode", 2, "postgres://u@127.0.0.1/db?sslmode=bogus");
        yield return Url("keywords-unknown", 2, "Host=127.0.0.1;Nonsense=1");
        yield return Url("url-percent-garbage", 2, "postgres://u%zz@127.0.0.1/db");
        yield return Url("url-http", 2, "https://example.com/db");
        yield return new BadInputCase("database-url-variable-empty", 2, ["status"]) { Files = Good, Variables = [("DATABASE_URL", "")] };
        yield return new BadInputCase("strata-database-url-variable-empty", 2, ["up"]) { Files = Good, Variables = [("STRATA_DATABASE_URL", " ")] };

        // A server that is not there: exit 3 from every command that needs it.
        yield return DeadServer("dead-up", "up");
        yield return DeadServer("dead-migrate", "migrate");
        yield return DeadServer("dead-down", "down");
        yield return DeadServer("dead-rollback", "rollback");
        yield return DeadServer("dead-status", "status");
        yield return DeadServer("dead-history", "history");
        yield return DeadServer("dead-stamp", "stamp", "1000");
        yield return DeadServer("dead-stamp-remove", "stamp", "1000", "--remove");
        yield return DeadServer("dead-baseline", "baseline", "1000");
        yield return DeadServer("dead-redo", "redo");
        yield return DeadServer("dead-adopt", "adopt");
        yield return DeadServer("dead-validate", "validate");
        yield return DeadServer("dead-repair", "repair");
        yield return DeadServer("dead-up-dry-run", "up", "--dry-run");
        yield return DeadServer("dead-up-sql", "up", "--sql");
        yield return DeadServer("dead-db-create", "db", "create");
        yield return DeadServer("dead-db-info", "db", "info");
        yield return DeadServer("dead-db-dump", "db", "dump");
        yield return DeadServer("dead-db-sessions", "db", "sessions");
        yield return DeadServer("dead-db-wait", "db", "wait", "--timeout", "300ms");
        yield return DeadServer("dead-up-wait", "up", "--wait", "--wait-timeout", "300ms");
        yield return new BadInputCase("dead-url-flag", 3, ["status", "-u", "{dead}"]) { Files = Good };
        yield return new BadInputCase("dead-from-dot-env", 3, ["status"]) { Files = [.. Good, (".env", "DATABASE_URL={dead}\n")] };
        yield return new BadInputCase("dead-from-env-file", 3, ["status", "--env-file", "ci.env"]) { Files = [.. Good, ("ci.env", "DATABASE_URL={dead}\n")] };
        yield return new BadInputCase("dead-from-strata-json", 3, ["status"])
        {
            Files = [.. Good, ("strata.json", """{ "environments": { "dev": { "database": "{dead}" } }, "defaultEnvironment": "dev" }""")],
        };

        // strata.json that cannot be read as one.
        yield return Config("config-not-json", "{");
        yield return Config("config-array", "[]");
        yield return Config("config-unknown-key", """{ "nope": 1 }""");
        yield return Config("config-migrations-dir-number", """{ "migrationsDir": 3 }""");
        yield return Config("config-environments-array", """{ "environments": [] }""");
        yield return Config("config-default-environment-unknown", """{ "defaultEnvironment": "x", "environments": {} }""");
        yield return Config("config-environment-history-table", """{ "environments": { "dev": { "historyTable": "a.b.c" } } }""");
        yield return Config("config-history-table", """{ "historyTable": "a.b.c" }""");
        yield return Config("config-database-number", """{ "environments": { "dev": { "database": 5 } } }""", "status", "--env", "dev");
        yield return Config("config-trailing-garbage", "{} x");
        yield return Config("config-empty-file", "");
        yield return Config("config-drift-number", """{ "drift": 3 }""");
        yield return Config("config-local-database-number", """{ "localDatabase": 5 }""");
        yield return Config("config-env-not-defined", """{ "environments": { "dev": { "database": "{dead}" } } }""", "status", "--env", "prod");
        yield return Config("config-environment-unknown-key", """{ "environments": { "dev": { "nope": 1 } } }""");
        yield return Config("config-protected-string", """{ "environments": { "dev": { "protected": "yes" } } }""");
        yield return Config("config-schema-file-number", """{ "schemaFile": 1 }""");
        yield return Config("config-null", "null");
        yield return Config("config-seeds-dir-array", """{ "seedsDir": [] }""");
        yield return Config("config-lint-rule-unknown", """{ "lint": { "rules": { "no-such-rule": "off" } } }""");
        yield return Config("config-lint-rule-unknown-on-config", """{ "lint": { "rules": { "no-such-rule": "off" } } }""", "config");
        yield return Config("config-environment-string", """{ "environments": { "dev": "postgres://x" } }""");
        yield return new BadInputCase("config-is-a-directory", 2, ["status", "--config", "db"]) { Files = Good, Variables = Dead };
        yield return new BadInputCase("config-in-working-directory-is-a-directory", 2, ["status"]) { Files = [.. Good, ("strata.json/keep", "")], Variables = Dead };

        // .env files that are not NAME=value lines.
        yield return DotEnv("env-line-without-equals", "JUSTTEXT\n");
        yield return DotEnv("env-unclosed-double-quote", "DATABASE_URL=\"postgres://x\n");
        yield return DotEnv("env-unclosed-single-quote", "DATABASE_URL='postgres://x\n");
        yield return DotEnv("env-empty-database-url", "DATABASE_URL=\n");
        yield return DotEnv("env-name-with-space", "MY VAR=1\n");
        yield return DotEnv("env-name-starting-with-digit", "1A=x\n");
        yield return DotEnv("env-no-name", "=value\n");
        yield return DotEnv("env-escaped-quote-unclosed", "DATABASE_URL=\"postgres://x\\\"\n");
        yield return DotEnv("env-empty-strata-url", "STRATA_DATABASE_URL=\"\"\n");
        yield return new BadInputCase("env-file-is-a-directory", 2, ["status", "--env-file", "db"]) { Files = Good };

        // Migration files that are not migrations as Strata reads them: file errors with file and line.
        yield return File("file-no-up-marker", 5, "SELECT 1;\n");
        yield return File("file-two-up-sections", 5, "-- migrate:up\nSELECT 1;\n-- migrate:up\nSELECT 2;\n");
        yield return File("file-unknown-option", 5, "-- migrate:up transation:false\nSELECT 1;\n");
        yield return File("file-timeout-no-unit", 5, "-- migrate:up lock_timeout:5\nSELECT 1;\n");
        yield return File("file-timeout-empty", 5, "-- migrate:up lock_timeout:\nSELECT 1;\n");
        yield return File("file-option-twice", 5, "-- migrate:up lock_timeout:2s lock_timeout:3s\nSELECT 1;\n");
        yield return File("file-transaction-maybe", 5, "-- migrate:up transaction:maybe\nSELECT 1;\n");
        yield return File("file-statement-timeout-word", 5, "-- migrate:up statement_timeout:abc\nSELECT 1;\n");
        yield return File("file-timeout-unknown-unit", 5, "-- migrate:up lock_timeout:25d\nSELECT 1;\n");
        yield return File("file-timeout-too-long", 5, "-- migrate:up statement_timeout:597h\nSELECT 1;\n");
        yield return File("file-nul-byte", 5, "-- migrate:up\nSELECT 1;\0\n");
        yield return File("file-unterminated-string", 5, "-- migrate:up\nSELECT 'abc;\n");
        yield return File("file-unterminated-dollar-quote", 5, "-- migrate:up\nSELECT $$abc;\n");
        yield return File("file-unterminated-comment", 5, "-- migrate:up\nSELECT 1; /* never closed\n");
        yield return File("file-unterminated-identifier", 5, "-- migrate:up\nSELECT \"abc;\n");
        yield return File("file-empty", 5, "");
        yield return File("file-only-down", 5, "-- migrate:down\nSELECT 1;\n");
        yield return File("file-down-before-up", 5, "-- migrate:down\nSELECT 1;\n-- migrate:up\nSELECT 2;\n");
        yield return File("file-two-down-sections", 5, "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 2;\n-- migrate:down\nSELECT 3;\n");
        yield return File("file-sql-before-up", 5, "-- header\nCREATE TABLE t (a int);\n-- migrate:up\nSELECT 1;\n");
        yield return File("file-name-with-dash", 5, "-- migrate:up\nSELECT 1;\n", "3-create.sql");
        yield return new BadInputCase("file-duplicate-version", 5, ["validate"])
        {
            Files = [(Dir + "01_a.sql", "-- migrate:up\nSELECT 1;\n"), (Dir + "1_b.sql", "-- migrate:up\nSELECT 2;\n")],
            Database = true,
        };
        yield return new BadInputCase("file-duplicate-across-directories", 5, ["validate", "-d", "db/migrations", "-d", "more"])
        {
            Files = [.. Good, ("more/1000_again.sql", "-- migrate:up\nSELECT 1;\n")],
            Database = true,
        };
        yield return new BadInputCase("file-invalid-utf8", 5, ["validate"])
        {
            Bytes = [(Dir + "1_latin1.sql", [.. "-- migrate:up\nSELECT '"u8, 0xE9, 0xFF, .. "';\n"u8])],
            Database = true,
        };
        yield return new BadInputCase("file-over-the-size-limit", 5, ["validate"])
        {
            Database = true,
            Prepare = root =>
            {
                Directory.CreateDirectory(Path.Combine(root, "db", "migrations"));
                using var stream = System.IO.File.Create(Path.Combine(root, "db", "migrations", "1_huge.sql"));
                stream.SetLength(50L * 1024 * 1024);
            },
        };
        yield return new BadInputCase("file-broken-symlink", 2, ["validate"])
        {
            Database = true,
            Prepare = root =>
            {
                Directory.CreateDirectory(Path.Combine(root, "db", "migrations"));
                System.IO.File.CreateSymbolicLink(Path.Combine(root, "db", "migrations", "1_gone.sql"), Path.Combine(root, "nowhere.sql"));
            },
        };
        yield return new BadInputCase("migrations-dir-is-a-file", 2, ["validate", "-d", "notes.txt"]) { Files = [("notes.txt", "x")], Database = true };
        yield return new BadInputCase("new-migrations-dir-is-a-file", 2, ["new", "add_users", "-d", "notes.txt"]) { Files = [("notes.txt", "x")] };
        yield return new BadInputCase("new-migrations-dir-under-a-file", 2, ["new", "add_users", "-d", "notes.txt/migrations"]) { Files = [("notes.txt", "x")] };
        yield return new BadInputCase("seeds-dir-is-a-file", 2, ["db", "seed", "--seeds-dir", "notes.txt"]) { Files = [.. Good, ("notes.txt", "x")], Variables = Dead };
        yield return new BadInputCase("schema-file-is-a-directory", 2, ["up", "-s", "db"]) { Files = Good, Database = true };
        yield return new BadInputCase("schema-file-under-a-file", 2, ["db", "dump", "--file", "notes.txt/schema.sql"]) { Files = [.. Good, ("notes.txt", "x")], Database = true };
        yield return new BadInputCase("migrations-dir-second-missing", 2, ["validate", "-d", "db/migrations", "-d", "nowhere"]) { Files = Good, Database = true };
        yield return new BadInputCase("empty-down-rolled-back", 5, ["down"])
        {
            Files = [(Dir + "1_a.sql", "-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\n")],
            Database = true,
            AfterUp = "SELECT 1",
        };

        // History rows Strata did not write, and states it refuses to build on.
        yield return History("history-two-spellings", "INSERT INTO strata_schema_migrations SELECT '0' || version, description, checksum, checksum_algorithm, status, statements_completed, statements_total, applied_at, applied_by, client_host, strata_version, execution_time_ms, origin FROM strata_schema_migrations WHERE version = '1001'");
        yield return History("history-two-spellings-on-up", "INSERT INTO strata_schema_migrations SELECT '00' || version, description, checksum, checksum_algorithm, status, statements_completed, statements_total, applied_at, applied_by, client_host, strata_version, execution_time_ms, origin FROM strata_schema_migrations WHERE version = '1000'", "up");
        yield return History("history-version-letters", "ALTER TABLE strata_schema_migrations DROP CONSTRAINT strata_schema_migrations_version_check; UPDATE strata_schema_migrations SET version = 'abc' WHERE version = '1001'");
        yield return History("history-version-empty", "ALTER TABLE strata_schema_migrations DROP CONSTRAINT strata_schema_migrations_version_check; UPDATE strata_schema_migrations SET version = '' WHERE version = '1001'", "up");
        yield return History("history-status-garbage", "ALTER TABLE strata_schema_migrations DROP CONSTRAINT strata_schema_migrations_status_check; UPDATE strata_schema_migrations SET status = 'bogus' WHERE version = '1001'");
        yield return History("history-origin-garbage", "ALTER TABLE strata_schema_migrations DROP CONSTRAINT strata_schema_migrations_origin_check; UPDATE strata_schema_migrations SET origin = 'elsewhere' WHERE version = '1001'", "history");
        yield return History("history-version-negative", "ALTER TABLE strata_schema_migrations DROP CONSTRAINT strata_schema_migrations_version_check; UPDATE strata_schema_migrations SET version = '-5' WHERE version = '1001'", "status");
        yield return History("history-interrupted", "UPDATE strata_schema_migrations SET status = 'running' WHERE version = '1001'", "up");
        yield return History("history-edited-file", "UPDATE strata_schema_migrations SET checksum = 'sha256:0000' WHERE version = '1001'", "up");
        yield return History("history-baseline-on-rows", "SELECT 1", "baseline", "1001");
        yield return History("stamp-already-recorded", "SELECT 1", "stamp", "1000");
        yield return History("stamp-unknown-version", "SELECT 1", "stamp", "4242") with { Exit = 2 };
        yield return new BadInputCase("history-out-of-order", 5, ["up"])
        {
            Files = [.. Good, (Dir + "999_late.sql", "-- migrate:up\nSELECT 1;\n")],
            Database = true,
            AfterUp = "DELETE FROM strata_schema_migrations WHERE version = '999'",
        };

        // Databases Strata must not migrate without being told how: another tool's history, or tables and no history.
        yield return new BadInputCase("foreign-dbmate", 5, ["up"]) { Files = Good, Database = true, Before = "CREATE TABLE schema_migrations (version varchar(128) PRIMARY KEY); INSERT INTO schema_migrations VALUES ('1000')" };
        yield return new BadInputCase("foreign-alembic", 5, ["up"]) { Files = Good, Database = true, Before = "CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY); INSERT INTO alembic_version VALUES ('ae1027a6acf')" };
        yield return new BadInputCase("foreign-flyway", 5, ["up"]) { Files = Good, Database = true, Before = "CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version text, success boolean); INSERT INTO flyway_schema_history VALUES (1, '1000', true)" };
        yield return new BadInputCase("foreign-knex", 5, ["up"]) { Files = Good, Database = true, Before = "CREATE TABLE knex_migrations (id serial PRIMARY KEY, name text); INSERT INTO knex_migrations (name) VALUES ('x.js')" };
        yield return new BadInputCase("tables-without-history", 5, ["up"]) { Files = Good, Database = true, Before = "CREATE TABLE customers (id int)" };
        yield return new BadInputCase("tables-without-history-redo", 5, ["redo"]) { Files = Good, Database = true, Before = "CREATE TABLE customers (id int)" };
        const string ReadOnly = "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET default_transaction_read_only = on', current_database()); END $$";
        yield return new BadInputCase("read-only-first-run", 2, ["up"]) { Files = Good, Database = true, Before = ReadOnly };
        yield return History("read-only-pending-migration", "DELETE FROM strata_schema_migrations WHERE version = '1001'; DROP TABLE t1; " + ReadOnly, "up") with { Exit = 1 };
        yield return new BadInputCase("golang-migrate-dirty", 5, ["adopt"])
        {
            Files = Good,
            Database = true,
            Before = "CREATE TABLE schema_migrations (version bigint PRIMARY KEY, dirty boolean NOT NULL); INSERT INTO schema_migrations VALUES (1000, true)",
        };
    }
}
