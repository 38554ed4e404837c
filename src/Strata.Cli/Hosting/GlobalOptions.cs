using System.CommandLine;

namespace Strata.Cli.Hosting;

/// <summary>
/// The options every command accepts. Each has a STRATA_* environment variable (read when the flag is absent);
/// the connection variables (DATABASE_URL, DB_*, PG*, ...) are read by the connection resolver, not here.
/// </summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> DatabaseUrl = new("--database-url")
    {
        Description = "The database: a postgres:// URL or an Npgsql keyword string. Beats every other source. [env: STRATA_DATABASE_URL, DATABASE_URL]",
        HelpName = "url",
        Recursive = true,
    };

    public static readonly Option<string?> Environment = new("--env")
    {
        Description = "A named environment from strata.json (dev, staging, prod, ...). [env: STRATA_ENV]",
        HelpName = "name",
        Recursive = true,
    };

    public static readonly Option<string?> Config = new("--config")
    {
        Description = "The configuration file. [env: STRATA_CONFIG] [default: ./strata.json when present]",
        HelpName = "path",
        Recursive = true,
    };

    public static readonly Option<string?> PasswordFile = new("--password-file")
    {
        Description = "Read the password from this file (Docker and Kubernetes secrets). [env: STRATA_PASSWORD_FILE, DB_PASSWORD_FILE]",
        HelpName = "path",
        Recursive = true,
    };

    public static readonly Option<string?> PasswordCommand = new("--password-command")
    {
        Description = "Run this shell command for the password each time a connection opens (IAM tokens, secret stores). [env: STRATA_PASSWORD_COMMAND]",
        HelpName = "command",
        Recursive = true,
    };

    public static readonly Option<string?> MigrationsDir = new("--migrations-dir")
    {
        Description = "The migrations directory. [env: STRATA_MIGRATIONS_DIR] [default: db/migrations]",
        HelpName = "path",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Write newline-delimited JSON events instead of text. [env: STRATA_JSON]",
        Recursive = true,
    };

    public static readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = "Print only warnings, errors and results. [env: STRATA_QUIET]",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Print debug detail, and the stack trace of an error. [env: STRATA_VERBOSE]",
        Recursive = true,
    };

    public static readonly Option<bool> NoColor = new("--no-color")
    {
        Description = "Never colour the output. [env: NO_COLOR, STRATA_NO_COLOR]",
        Recursive = true,
    };

    public static IEnumerable<Option> All =>
        [DatabaseUrl, Environment, Config, PasswordFile, PasswordCommand, MigrationsDir, Json, Quiet, Verbose, NoColor];
}
