namespace Strata.Core.Connections;

/// <summary>
/// The database a command will use, where it was found, why that source won, and the environment's protection.
/// The directories and history table are settings (<c>StrataSettings</c>). Safe to print: it never exposes the
/// password (see <see cref="Describe"/>).
/// </summary>
public sealed record ResolvedConnection
{
    /// <summary>Which precedence tier supplied the database.</summary>
    internal ConnectionSourceKind Source { get; init; }

    /// <summary>Where the database came from, such as <c>DATABASE_URL environment variable</c>.</summary>
    public required string SourceDescription { get; init; }

    /// <summary>Why this source won: which sources of higher precedence were absent.</summary>
    public required string Reason { get; init; }

    /// <summary>The config environment in use, if any (chosen by <c>--env</c>, <c>STRATA_ENV</c> or <c>defaultEnvironment</c>).</summary>
    public string? EnvironmentName { get; init; }

    /// <summary>The absolute path of the config file that was read, if any.</summary>
    public string? ConfigFilePath { get; init; }

    /// <summary>Whether destructive commands must refuse this database (<c>protected</c> in the config environment).</summary>
    public bool IsProtected { get; init; }

    /// <summary>Whether seeds may be loaded: the environment's <c>allowSeed</c>; without an environment, true only for the local default.</summary>
    public bool AllowSeed { get; init; }

    /// <summary>True when the database is on the local server Strata runs itself; <see cref="Settings"/> then holds only the database name.</summary>
    public bool IsLocalDefault { get; init; }

    /// <summary>The connection settings. For the local default, only <see cref="ConnectionSettings.Database"/> is meaningful.</summary>
    /// <remarks>Not required: a required member cannot be less visible than its record. The one factory always sets it.</remarks>
    internal ConnectionSettings Settings { get; init; } = null!;

    /// <summary>Where the password comes from.</summary>
    internal PasswordSource PasswordSource { get; init; }

    /// <summary>Where the password comes from, in words, such as <c>file /run/secrets/db (from DB_PASSWORD_FILE)</c>.</summary>
    public required string PasswordSourceDescription { get; init; }

    internal PasswordCommand? PasswordCommand { get; init; }

    /// <summary>The password file, read again for each new physical connection, when the password comes from one.</summary>
    internal PasswordFile? PasswordFile { get; init; }

    /// <summary>When no password is given, the one libpq would fall back to (PGPASSWORD, the password file), or null.</summary>
    internal string? ClientFallbackPassword { get; init; }

    /// <summary>Setting name → where its value came from; read by <see cref="Describe"/>.</summary>
    internal IReadOnlyDictionary<string, string> Origins { get; init; } = new Dictionary<string, string>();

    internal string? EnvironmentChosenBy { get; init; }

    internal string? ConfigFileFoundBy { get; init; }

    /// <summary>The rows <c>strata config</c> prints: every setting in use, its value and its origin. Passwords are masked.</summary>
    public IReadOnlyList<ResolvedSetting> Describe() => ConnectionDescription.Rows(this);
}
