using Strata.Core.Connections;

namespace Strata.Core.Configuration;

/// <summary>
/// Every setting of one Strata run, each with the layer it came from. Built and validated once by
/// <see cref="StrataSettingsBuilder"/> (defaults &lt; strata.json &lt; environment variables &lt; explicit values);
/// a <c>StrataSession</c> is opened from it. See docs/configuration.md.
/// </summary>
public sealed record StrataSettings
{
    private readonly IReadOnlyList<string>? _migrationsDirectories;

    /// <summary>Where relative paths start and <c>strata.json</c> is looked for.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>The environment variables the run sees; the connection resolver and program search read them.</summary>
    public required IReadOnlyDictionary<string, string> Variables { get; init; }

    /// <summary>The absolute path of the <c>strata.json</c> that was read, if any.</summary>
    public string? ConfigFilePath { get; init; }

    /// <summary>An explicit database URL or keyword string (it beats every other source of the connection).</summary>
    public required Setting<string?> DatabaseUrl { get; init; }

    /// <summary>The <c>strata.json</c> environment in use, if any.</summary>
    public required Setting<string?> Environment { get; init; }

    /// <summary>An explicit path of the config file.</summary>
    public required Setting<string?> ConfigPath { get; init; }

    /// <summary>
    /// A file whose content is the password, given explicitly. <c>STRATA_PASSWORD_FILE</c> is read a level below, with
    /// <c>STRATA_PASSWORD_COMMAND</c>, when the connection is resolved.
    /// </summary>
    public required Setting<string?> PasswordFile { get; init; }

    /// <summary>An explicit shell command printing the password.</summary>
    public required Setting<string?> PasswordCommand { get; init; }

    /// <summary>The absolute migrations directory; the first one when several are given, where new migrations go.</summary>
    public required Setting<string> MigrationsDirectory { get; init; }

    /// <summary>
    /// Every absolute migrations directory, in the order given: <c>--migrations-dir</c> may be repeated to combine
    /// directories into one set (a version must stay unique across them). Just <see cref="MigrationsDirectory"/> unless set.
    /// </summary>
    public IReadOnlyList<string> MigrationsDirectories
    {
        get => _migrationsDirectories ?? [MigrationsDirectory.Value];
        init => _migrationsDirectories = value;
    }

    /// <summary>The absolute seeds directory.</summary>
    public required Setting<string> SeedsDirectory { get; init; }

    /// <summary>The absolute path of the schema file.</summary>
    public required Setting<string> SchemaFile { get; init; }

    /// <summary>The history table.</summary>
    public required Setting<HistoryTableName> HistoryTable { get; init; }

    /// <summary><c>lock_timeout</c> for each migration unless its file sets one; zero is off.</summary>
    public required Setting<TimeSpan> LockTimeout { get; init; }

    /// <summary><c>statement_timeout</c> for each migration unless its file sets one; zero is off.</summary>
    public required Setting<TimeSpan> StatementTimeout { get; init; }

    /// <summary>Attempts per migration when a table lock stays busy past <c>lock_timeout</c>.</summary>
    public required Setting<int> LockRetries { get; init; }

    /// <summary>How long to wait for another run's migration lock.</summary>
    public required Setting<TimeSpan> LockWait { get; init; }

    /// <summary>
    /// The directory where <c>up</c> and <c>status</c> keep the checksums of the migration files they read, so an
    /// unchanged file is not read again (see docs/performance.md); null when none is kept.
    /// </summary>
    public Setting<string?> CacheDirectory { get; init; } = new(null, SettingSource.Default, "default");

    /// <summary>Apply pending migrations older than the newest applied one.</summary>
    public required Setting<bool> AllowOutOfOrder { get; init; }

    /// <summary>Accept applied migrations whose file changed.</summary>
    public required Setting<bool> AllowEdited { get; init; }

    /// <summary>Whether the chosen environment is protected from destructive commands.</summary>
    public required Setting<bool> Protected { get; init; }

    /// <summary>How long <c>db wait</c> waits for the database.</summary>
    public required Setting<TimeSpan> WaitTimeout { get; init; }

    /// <summary>The server throwaway databases are created on; null for the local PostgreSQL Strata runs.</summary>
    public required Setting<string?> ScratchUrl { get; init; }

    /// <summary>The patterns of objects <c>drift</c> leaves out (<c>drift.ignore</c> in strata.json); the command adds its own.</summary>
    public Setting<IReadOnlyList<string>> DriftIgnore { get; init; } = new([], SettingSource.Default, "default");

    /// <summary>
    /// The schemas of other applications sharing the database (<c>adoption.ignoreSchemas</c> in strata.json): their tables,
    /// another tool's history table among them, do not stop a first run as those of an existing schema would.
    /// </summary>
    public Setting<IReadOnlyList<string>> AdoptionIgnoreSchemas { get; init; } = new([], SettingSource.Default, "default");

    /// <summary>How <c>lint</c> writes its findings (text, json, sarif, github); checked by the command.</summary>
    public required Setting<string?> LintFormat { get; init; }

    /// <summary>The least severe lint finding that fails the run (error, warning, info, none); checked by the command.</summary>
    public required Setting<string?> LintFailOn { get; init; }

    /// <summary>The PostgreSQL major version lint judges for; checked by the command.</summary>
    public required Setting<string?> PostgresVersion { get; init; }

    /// <summary>Whether lint also runs each migration on a scratch copy and watches what PostgreSQL does.</summary>
    public required Setting<bool> LintDynamic { get; init; }

    /// <summary>What <c>up</c> does with the static lint of its pending migrations: <c>warn</c>, <c>fail</c> or <c>off</c>.</summary>
    public Setting<string> LintOnUp { get; init; } = new("warn", SettingSource.Default, "default");

    /// <summary>The row count (<c>reltuples</c>) from which lint counts a table as not tiny.</summary>
    public Setting<long> LintLargeTableRows { get; init; } = new(10_000, SettingSource.Default, "default");

    /// <summary>
    /// Severities set per rule id in <c>strata.json</c> (<c>lint.rules</c>): <c>off</c>, <c>info</c>, <c>warning</c> or
    /// <c>error</c>. The ids are checked by the linter, which knows its rules.
    /// </summary>
    public Setting<IReadOnlyDictionary<string, string>> LintRuleSeverities { get; init; } =
        new(new Dictionary<string, string>(StringComparer.Ordinal), SettingSource.Default, "default");

    /// <summary>
    /// The database URL given explicitly or by <c>STRATA_DATABASE_URL</c>/<c>DATABASE_URL</c>, as given; null when the
    /// database is named another way (an environment, <c>DB_*</c>, <c>PG*</c>) or not at all.
    /// </summary>
    public string? GivenDatabaseUrl() =>
        DatabaseUrl.Value ?? SettingCatalog.DatabaseUrl.Variables.Select(name => EnvironmentVariables.Get(Variables, name)).FirstOrDefault(value => value is not null);

    /// <summary>Newline-delimited JSON output instead of text.</summary>
    public required Setting<bool> Json { get; init; }

    /// <summary>Only warnings, errors and results.</summary>
    public required Setting<bool> Quiet { get; init; }

    /// <summary>Debug detail and stack traces.</summary>
    public required Setting<bool> Verbose { get; init; }

    /// <summary>Never colour the output.</summary>
    public required Setting<bool> NoColor { get; init; }

    internal ConfigFile? Config { get; init; }

    /// <summary>The environment given explicitly, kept even when a database URL wins, so the resolver can say it lost.</summary>
    internal Setting<string?>? GivenEnvironment { get; init; }

    /// <summary>The engine options these settings give; the timings the settings do not cover keep their defaults.</summary>
    public MigratorOptions MigratorOptions() => new()
    {
        HistoryTable = HistoryTable.Value,
        LockTimeout = LockTimeout.Value,
        StatementTimeout = StatementTimeout.Value,
        LockRetryAttempts = LockRetries.Value,
        AdvisoryLockWait = LockWait.Value,
        AllowOutOfOrder = AllowOutOfOrder.Value,
        AllowEdited = AllowEdited.Value,
        AdoptionIgnoreSchemas = AdoptionIgnoreSchemas.Value,
    };

    /// <summary>What the connection resolver needs to choose the database.</summary>
    internal ConnectionRequest ConnectionRequest()
    {
        var request = new ConnectionRequest
        {
            DatabaseUrl = DatabaseUrl.Source == SettingSource.Explicit ? DatabaseUrl.Value : null,
            EnvironmentName = Environment.Source == SettingSource.Explicit ? Environment.Value
                : GivenEnvironment is { Source: SettingSource.Explicit } given ? given.Value : null,
            ConfigPath = ConfigPath.Value,
            PasswordFile = PasswordFile.Value,
            PasswordCommand = PasswordCommand.Value,
            Environment = Variables,
            WorkingDirectory = WorkingDirectory,
        };

        // Messages name each value by what gave it (a flag, a configuration key, a variable), not by a fixed flag.
        return request with
        {
            DatabaseUrlOrigin = OriginOf(DatabaseUrl) ?? request.DatabaseUrlOrigin,
            EnvironmentNameOrigin = OriginOf(Environment) ?? (GivenEnvironment is { } named ? OriginOf(named) : null) ?? request.EnvironmentNameOrigin,
            ConfigPathOrigin = OriginOf(ConfigPath) ?? request.ConfigPathOrigin,
            PasswordFileOrigin = OriginOf(PasswordFile) ?? request.PasswordFileOrigin,
            PasswordCommandOrigin = OriginOf(PasswordCommand) ?? request.PasswordCommandOrigin,
        };
    }

    private static string? OriginOf<T>(Setting<T> setting) => setting.Source == SettingSource.Default ? null : setting.Origin;

    /// <summary>Every setting with its value and origin, for <c>strata config</c> and start-up logs. Secrets are never shown.</summary>
    public IReadOnlyList<ResolvedSetting> Describe() =>
    [
        Row("migrations_dir", MigrationsDirectory with { Value = string.Join(", ", MigrationsDirectories) }),
        Row("seeds_dir", SeedsDirectory),
        Row("schema_file", SchemaFile),
        Row("history_table", HistoryTable),
        Row("lock_timeout", LockTimeout),
        Row("statement_timeout", StatementTimeout),
        Row("lock_retries", LockRetries),
        Row("lock_wait", LockWait),
        Row("wait_timeout", WaitTimeout),
        new("cache_dir", CacheDirectory.Value ?? "off", CacheDirectory.Origin),
        Row("allow_out_of_order", AllowOutOfOrder),
        Row("allow_edited", AllowEdited),
        Row("protected", Protected),
        new("drift_ignore", DriftIgnore.Value.Count == 0 ? "(none)" : string.Join(", ", DriftIgnore.Value), DriftIgnore.Origin),
        new("adoption_ignore_schemas", AdoptionIgnoreSchemas.Value.Count == 0 ? "(none)" : string.Join(", ", AdoptionIgnoreSchemas.Value), AdoptionIgnoreSchemas.Origin),
        Row("lint_on_up", LintOnUp),
        Row("lint_large_table_rows", LintLargeTableRows),
        new("lint_rules", LintRuleSeverities.Value.Count == 0 ? "(none)" : string.Join(", ", LintRuleSeverities.Value.Select(r => $"{r.Key}={r.Value}")), LintRuleSeverities.Origin),
    ];

    private static ResolvedSetting Row<T>(string name, Setting<T> setting) =>
        new(name, SettingText.Format(setting.Value), setting.Origin);
}
