using System.Reflection;
using Strata.Core.Migrations;

namespace Strata.AspNetCore;

/// <summary>
/// Everything <c>AddStrata</c> needs, with its defaults, read as <c>IOptions&lt;StrataOptions&gt;</c>: filled from the
/// <c>Strata</c> section of the configuration first, then by each caller's callback, then validated once when the host
/// starts. See docs/aspnetcore.md.
/// </summary>
public sealed class StrataOptions
{
    /// <summary>The default time the readiness check waits for the database.</summary>
    public static readonly TimeSpan DefaultReadyTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A database URL or keyword string that beats every other source, like the CLI's <c>--database-url</c>
    /// (<c>Strata:DatabaseUrl</c>). Usually left unset so that <c>DATABASE_URL</c>, <c>DB_SECRET</c> and the other
    /// variables decide.
    /// </summary>
    public string? DatabaseUrl { get; set; }

    /// <summary>
    /// The name of a connection string (<c>Strata:ConnectionName</c>): the value of <c>ConnectionStrings:&lt;name&gt;</c>
    /// in the configuration is the database, as an explicit value that beats the variables and <c>strata.json</c>. A
    /// name that has no connection string stops the app at start.
    /// </summary>
    public string? ConnectionName { get; set; }

    /// <summary>The environment of <c>strata.json</c> to use, like <c>--env</c> (<c>Strata:Environment</c>).</summary>
    public string? EnvironmentName { get; set; }

    /// <summary>The path of <c>strata.json</c>, like <c>--config</c> (<c>Strata:ConfigPath</c>).</summary>
    public string? ConfigPath { get; set; }

    /// <summary>A file whose content is the password, like <c>--password-file</c> (<c>Strata:PasswordFile</c>).</summary>
    public string? PasswordFile { get; set; }

    /// <summary>A shell command printing the password for each new connection, like <c>--password-command</c> (<c>Strata:PasswordCommand</c>).</summary>
    public string? PasswordCommand { get; set; }

    /// <summary>
    /// The directory relative paths start from and <c>strata.json</c> is looked for in (<c>Strata:WorkingDirectory</c>);
    /// the host's content root when unset.
    /// </summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>
    /// The <c>application_name</c> the pool's connections show in <c>pg_stat_activity</c> (<c>Strata:ApplicationName</c>);
    /// the host's application name when unset. An <c>application_name</c> in the database URL wins.
    /// </summary>
    public string? ApplicationName { get; set; }

    /// <summary>The connection pool's settings (<c>Strata:Pool:*</c>).</summary>
    public StrataPoolOptions Pool { get; } = new();

    /// <summary>
    /// The variables the connection resolver reads (<c>DATABASE_URL</c>, <c>DB_SECRET</c>, <c>DB_*</c>, <c>PG*</c>,
    /// <c>DB_PASSWORD_FILE</c>, ...). Filled from the process environment, then overlaid with every top-level value
    /// of the configuration, so a variable can also come from <c>appsettings.json</c> or the command line.
    /// </summary>
    public IDictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The migrations the app ships: what migrate-on-start applies and what the readiness check expects. When unset,
    /// the directory <c>Strata:MigrationsDirectory</c> names, else the one the resolver reports (<c>strata.json</c>,
    /// else <c>db/migrations</c> under <see cref="WorkingDirectory"/>).
    /// </summary>
    internal IMigrationSource? Migrations { get; set; }

    /// <summary>
    /// Apply pending migrations while the host starts, before the server accepts requests (<c>Strata:MigrateOnStart</c>);
    /// default false. See docs/aspnetcore.md for when to use it.
    /// </summary>
    public bool MigrateOnStart { get; set; }

    /// <summary>
    /// With <see cref="MigrateOnStart"/>, let the server listen while the migrations run (<c>Strata:MigrateInBackground</c>);
    /// default false. The app then answers only its health endpoints (readiness says <c>migrating</c>, liveness passes)
    /// and 503 to every other request until the migrations are applied, so an orchestrator's liveness probe does not
    /// kill a replica in the middle of a long migration. A failure stops the app with its exit code.
    /// </summary>
    public bool MigrateInBackground { get; set; }

    /// <summary>
    /// The history table, <c>table</c> or <c>schema.table</c> (<c>Strata:HistoryTable</c>). When unset, the layers below
    /// decide, exactly as for the CLI: <c>STRATA_HISTORY_TABLE</c>, then <c>historyTable</c> in <c>strata.json</c>, then
    /// the default.
    /// </summary>
    public string? HistoryTable { get; set; }

    /// <summary><c>lock_timeout</c> for each migration (<c>Strata:LockTimeout</c>); unset lets <c>STRATA_LOCK_TIMEOUT</c> or the default decide.</summary>
    public TimeSpan? LockTimeout { get; set; }

    /// <summary><c>statement_timeout</c> for each migration (<c>Strata:StatementTimeout</c>); unset lets <c>STRATA_STATEMENT_TIMEOUT</c> or the default decide.</summary>
    public TimeSpan? StatementTimeout { get; set; }

    /// <summary>Attempts per migration when a table lock stays busy (<c>Strata:LockRetries</c>); unset lets <c>STRATA_LOCK_RETRIES</c> or the default decide.</summary>
    public int? LockRetries { get; set; }

    /// <summary>How long to wait for another instance's migration lock (<c>Strata:LockWait</c>); unset lets <c>STRATA_LOCK_WAIT</c> or the default decide.</summary>
    public TimeSpan? LockWait { get; set; }

    /// <summary>
    /// Whether migrate-on-start applies pending migrations older than the newest applied one
    /// (<c>Strata:AllowOutOfOrder</c>); unset lets <c>STRATA_ALLOW_OUT_OF_ORDER</c> or the default (refuse) decide.
    /// </summary>
    public bool? AllowOutOfOrder { get; set; }

    /// <summary>How long the readiness check waits for the database before it reports it unreachable (<c>Strata:ReadyTimeout</c>); default 5 s.</summary>
    public TimeSpan ReadyTimeout { get; set; } = DefaultReadyTimeout;

    /// <summary>
    /// How long migrate-on-start waits for the database to accept connections before it gives up and stops the app
    /// (<c>Strata:WaitTimeout</c>); unset lets <c>STRATA_WAIT_TIMEOUT</c> or the default (60 s) decide, as for
    /// <c>strata db wait</c>.
    /// </summary>
    public TimeSpan? WaitTimeout { get; set; }

    /// <summary>Uses the migrations embedded in <paramref name="assembly"/> under <paramref name="folder"/> (see docs/migration-files.md).</summary>
    public StrataOptions UseEmbeddedMigrations(Assembly assembly, string folder = "db/migrations")
    {
        Migrations = new EmbeddedMigrationSource(assembly, folder);
        return this;
    }

    /// <summary>Uses the migrations in <paramref name="directory"/>; a relative path starts at <see cref="WorkingDirectory"/>.</summary>
    public StrataOptions UseMigrationsDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        MigrationsDirectory = directory;
        Migrations = null;
        return this;
    }

    /// <summary>A migrations directory set by configuration or <see cref="UseMigrationsDirectory"/>, resolved when the database is.</summary>
    internal string? MigrationsDirectory { get; set; }

    /// <summary>Looks a connection string up by name in the app's configuration (<c>ConnectionStrings:&lt;name&gt;</c>).</summary>
    internal Func<string, string?>? ConnectionStrings { get; set; }

    /// <summary>Values of the <c>Strata</c> section that could not be read; the validator reports them.</summary>
    internal List<string> ConfigurationProblems { get; } = [];
}
