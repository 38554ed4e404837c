namespace Strata.Core.Configuration;

/// <summary>
/// Every setting Strata reads, with its names, built-in default and description: the one home of the defaults.
/// <see cref="StrataSettingsBuilder"/> layers values over these defaults, and the CLI builds its help from them.
/// </summary>
public static class SettingCatalog
{
    /// <summary>The database URL or keyword string that beats every other source.</summary>
    public static readonly SettingDefinition DatabaseUrl = new(
        "database-url", ["STRATA_DATABASE_URL", "DATABASE_URL"], null, null,
        "The database: a postgres:// URL or an Npgsql keyword string. Beats every other source.");

    /// <summary>The environment of <c>strata.json</c> to use.</summary>
    public static readonly SettingDefinition Environment = new(
        "env", ["STRATA_ENV"], "defaultEnvironment", null, "A named environment from strata.json (dev, staging, prod, ...).");

    /// <summary>The configuration file.</summary>
    public static readonly SettingDefinition Config = new(
        "config", ["STRATA_CONFIG"], null, "./strata.json when present", "The configuration file.");

    /// <summary>The dotenv file whose variables sit under the real environment.</summary>
    public static readonly SettingDefinition EnvFile = new(
        "env-file", [], null, "./.env when present",
        "Read environment variables from this file (NAME=value lines); the real environment wins.");

    /// <summary>A file holding the password.</summary>
    public static readonly SettingDefinition PasswordFile = new(
        "password-file", ["STRATA_PASSWORD_FILE", "DB_PASSWORD_FILE"], "passwordFile", null,
        "Read the password from this file (Docker and Kubernetes secrets).");

    /// <summary>A shell command printing the password.</summary>
    public static readonly SettingDefinition PasswordCommand = new(
        "password-command", ["STRATA_PASSWORD_COMMAND"], "passwordCommand", null,
        "Run this shell command for the password each time a connection opens (IAM tokens, secret stores).");

    /// <summary>The migrations directory.</summary>
    public static readonly SettingDefinition MigrationsDirectory = new(
        "migrations-dir", ["STRATA_MIGRATIONS_DIR"], "migrationsDir", "db/migrations", "The migrations directory.");

    /// <summary>The seeds directory.</summary>
    public static readonly SettingDefinition SeedsDirectory = new(
        "seeds-dir", ["STRATA_SEEDS_DIR"], "seedsDir", "db/seeds", "The directory of seed files (*.sql, run in name order).");

    /// <summary>
    /// The schema file <c>db dump</c> writes and <c>db load</c> reads; given by a flag, the variable or strata.json,
    /// <c>up</c>, <c>down</c> and <c>stamp</c> also write it after they succeed.
    /// </summary>
    public static readonly SettingDefinition SchemaFile = new(
        "schema-file", ["STRATA_SCHEMA_FILE"], "schemaFile", "db/schema.sql",
        "The schema file. When given (flag, variable or strata.json), up, down and stamp write the schema dump there after they succeed.");

    /// <summary>The history table.</summary>
    public static readonly SettingDefinition HistoryTable = new(
        "history-table", ["STRATA_HISTORY_TABLE"], "historyTable", "public.strata_schema_migrations",
        "The history table, table or schema.table.");

    /// <summary><c>lock_timeout</c> for each migration.</summary>
    public static readonly SettingDefinition LockTimeout = new(
        "lock-timeout", ["STRATA_LOCK_TIMEOUT"], null, "300ms",
        "lock_timeout for each migration unless its file sets one (500ms, 5s, 1m; 0 = off).");

    /// <summary><c>statement_timeout</c> for each migration.</summary>
    public static readonly SettingDefinition StatementTimeout = new(
        "statement-timeout", ["STRATA_STATEMENT_TIMEOUT"], null, "0",
        "statement_timeout for each migration unless its file sets one (0 = off).");

    /// <summary>Attempts per migration when a table lock stays busy.</summary>
    public static readonly SettingDefinition LockRetries = new(
        "lock-retries", ["STRATA_LOCK_RETRIES"], null, "20",
        "Attempts per migration when a table lock stays busy past lock_timeout.");

    /// <summary>How long to wait for another run's migration lock.</summary>
    public static readonly SettingDefinition LockWait = new(
        "lock-wait", ["STRATA_LOCK_WAIT"], null, "10m", "How long to wait for another run's migration lock.");

    /// <summary>Where the checksums of migration files already read are kept.</summary>
    public static readonly SettingDefinition CacheDirectory = new(
        "cache-dir", ["STRATA_CACHE_DIR"], null, "$XDG_CACHE_HOME/strata, else ~/.cache/strata",
        "Where up and status keep the checksums of the migration files they read, so unchanged files are not read again (off keeps none).");

    /// <summary>Whether older pending migrations may be applied.</summary>
    public static readonly SettingDefinition AllowOutOfOrder = new(
        "allow-out-of-order", ["STRATA_ALLOW_OUT_OF_ORDER"], null, null,
        "Apply pending migrations older than the newest applied one.");

    /// <summary>Whether edited applied migrations are accepted.</summary>
    public static readonly SettingDefinition AllowEdited = new(
        "allow-edited", ["STRATA_ALLOW_EDITED"], null, null,
        "Accept applied migrations whose file changed, recording the new checksum.");

    /// <summary>Whether destructive commands refuse the database.</summary>
    public static readonly SettingDefinition Protected = new(
        "protected", [], "protected", "false", "Refuse destructive commands on this environment's database.");

    /// <summary>How long <c>db wait</c> waits.</summary>
    public static readonly SettingDefinition WaitTimeout = new(
        "wait-timeout", ["STRATA_WAIT_TIMEOUT"], null, "60s", "How long to wait, with a unit: 500ms, 30s, 2m.");

    /// <summary>The server verify, drift and diff create throwaway databases on.</summary>
    public static readonly SettingDefinition ScratchUrl = new(
        "scratch-url", ["STRATA_SCRATCH_URL"], null, "the local PostgreSQL Strata runs",
        "A server to create throwaway databases on (any database of it, as a URL); never the target.");

    /// <summary>How <c>lint</c> writes its findings.</summary>
    public static readonly SettingDefinition LintFormat = new(
        "format", ["STRATA_FORMAT"], null, "text",
        "text, json (as --json), or github (text, errors as workflow annotations, a Markdown summary in $GITHUB_STEP_SUMMARY); lint also takes sarif (SARIF 2.1.0), and its json is one document.");

    /// <summary>The least severe lint finding that fails the run.</summary>
    public static readonly SettingDefinition LintFailOn = new(
        "fail-on", ["STRATA_LINT_FAIL_ON"], null, "error", "Fail when a finding is at least this severe: error, warning, info or none.");

    /// <summary>The PostgreSQL major version lint judges for.</summary>
    public static readonly SettingDefinition PostgresVersion = new(
        "postgres-version", ["STRATA_POSTGRES_VERSION"], null, "13", "The PostgreSQL major version the migrations will run on.");

    /// <summary>Whether lint also runs each migration on a scratch copy and watches what PostgreSQL does.</summary>
    public static readonly SettingDefinition LintDynamic = new(
        "dynamic", ["STRATA_LINT_DYNAMIC"], null, null,
        "Also run each migration, statement by statement, on a scratch copy of the reference database's schema (without one, the migrations before it build the schema) and report the locks, rewrites and scans PostgreSQL shows.");

    /// <summary>What <c>up</c> does with the static lint of the migrations it is about to apply.</summary>
    public static readonly SettingDefinition LintOnUp = new(
        "lint-on-up", ["STRATA_LINT_ON_UP"], "lint.onUp", "warn",
        "What up does with the static lint of the migrations it is about to apply: warn (print the findings), fail (refuse when one is an error) or off.");

    /// <summary>The row count from which lint counts a table as not tiny.</summary>
    public static readonly SettingDefinition LintLargeTableRows = new(
        "large-table-rows", ["STRATA_LINT_LARGE_TABLE_ROWS"], "lint.largeTableRows", "10000",
        "Rows from which dynamic lint counts a table as not tiny: a lock blocking its traffic through a rewrite or scan is then an error.");

    /// <summary>Machine-readable output.</summary>
    public static readonly SettingDefinition Json = new(
        "json", ["STRATA_JSON"], null, null, "Write newline-delimited JSON events instead of text.");

    /// <summary>Less output.</summary>
    public static readonly SettingDefinition Quiet = new("quiet", ["STRATA_QUIET"], null, null, "Print only warnings, errors and results.");

    /// <summary>More output.</summary>
    public static readonly SettingDefinition Verbose = new(
        "verbose", ["STRATA_VERBOSE"], null, null, "Print debug detail, and the stack trace of an error.");

    /// <summary>No colour.</summary>
    public static readonly SettingDefinition NoColor = new("no-color", ["NO_COLOR", "STRATA_NO_COLOR"], null, null, "Never colour the output.");

    /// <summary>Every setting, in the order <c>strata config</c> lists them.</summary>
    public static IReadOnlyList<SettingDefinition> All { get; } =
    [
        DatabaseUrl, Environment, Config, EnvFile, PasswordFile, PasswordCommand, MigrationsDirectory, SeedsDirectory, SchemaFile,
        HistoryTable, LockTimeout, StatementTimeout, LockRetries, LockWait, CacheDirectory, AllowOutOfOrder, AllowEdited, Protected, WaitTimeout, ScratchUrl, LintFormat, LintFailOn, PostgresVersion, LintDynamic,
        LintOnUp, LintLargeTableRows,
        Json, Quiet, Verbose, NoColor,
    ];
}
